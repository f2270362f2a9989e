import 'server-only';
import { hash } from '@node-rs/argon2';
import type { Tx } from '../db';

export const DEMO_PASSWORD = 'overturn-demo';

// Listed in the README. Demo data only: a real installation creates its users on the admin page. The demo's
// one manager runs both teams, so an administrator has given them organisation-wide scope.
export const DEMO_USERS = [
  { email: 'admin@overturn.test', name: 'Avery Admin', role: 'admin', team: null, orgWide: false, title: 'Systems administrator' },
  { email: 'manager@overturn.test', name: 'Morgan Manager', role: 'manager', team: 'Professional billing', orgWide: true, title: 'Revenue cycle manager' },
  { email: 'specialist@overturn.test', name: 'Sam Specialist', role: 'specialist', team: 'Professional billing', orgWide: false, title: 'Denial management specialist' },
  { email: 'specialist2@overturn.test', name: 'Riley Specialist', role: 'specialist', team: 'Professional billing', orgWide: false, title: 'Denial management specialist' },
  { email: 'specialist3@overturn.test', name: 'Jordan Specialist', role: 'specialist', team: 'Hospital billing', orgWide: false, title: 'Hospital billing specialist' },
  { email: 'frontdesk@overturn.test', name: 'Frankie Front Desk', role: 'front_desk', team: null, orgWide: false, title: 'Patient access representative' },
] as const;

export const DEMO_TEAMS = ['Professional billing', 'Hospital billing'] as const;

export async function seedDemoPeople(tx: Tx): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD);
  const teams = new Map<string, string>();
  for (const name of DEMO_TEAMS) {
    const team = await tx.team.upsert({ where: { name }, create: { name }, update: {} });
    teams.set(name, team.id);
  }
  for (const u of DEMO_USERS) {
    await tx.user.upsert({
      where: { email: u.email },
      create: { email: u.email, name: u.name, title: u.title, role: u.role, orgWide: u.orgWide, passwordHash, teamId: u.team ? teams.get(u.team) : null },
      update: {},
    });
  }
}
