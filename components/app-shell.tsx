'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import type { ReactNode } from 'react';
import type { Role } from '@/lib/domain/permissions';
import type { NavItem } from './nav-items';
import { NotificationBell } from './notifications/notification-bell';
import { ROLE_LABEL } from './role-label';
import { cn } from './ui/cn';

export function AppShell({ user, nav, children }: { user: { name: string; email: string; role: Role }; nav: NavItem[]; children: ReactNode }) {
  const pathname = usePathname();
  // The most specific item is the current one: /team/slas is "Team SLAs", not also "Team board".
  const activeHref = nav
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .reduce<string | null>((best, item) => (best === null || item.href.length > best.length ? item.href : best), null);
  const main = nav.filter((item) => item.section !== 'manage');
  const manage = nav.filter((item) => item.section === 'manage');
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-6 px-4">
          <Link href="/" className="text-[15px] font-semibold tracking-tight text-brand-900">
            Overturn
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1">
            {main.map((item) => (
              <NavLink key={item.href} item={item} active={item.href === activeHref} />
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <NotificationBell />
            <div className="text-right leading-tight" data-testid="signed-in-user">
              <div className="font-medium text-slate-800">{user.name}</div>
              <div className="text-xs text-slate-500">{ROLE_LABEL[user.role]}</div>
            </div>
            <button
              type="button"
              onClick={() => signOut({ callbackUrl: '/signin' })}
              className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100"
            >
              Sign out
            </button>
          </div>
        </div>
        {manage.length > 0 ? (
          <nav aria-label="Manage" className="mx-auto flex h-8 max-w-[1600px] items-center gap-1 border-t border-slate-100 px-4 text-xs">
            <span className="mr-1 font-medium text-slate-600">Manage:</span>
            {manage.map((item) => (
              <NavLink key={item.href} item={item} active={item.href === activeHref} small />
            ))}
          </nav>
        ) : null}
      </header>
      <main className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-4 print:max-w-none print:p-0">{children}</main>
    </div>
  );
}

function NavLink({ item, active, small = false }: { item: NavItem; active: boolean; small?: boolean }) {
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'rounded-md font-medium',
        small ? 'px-2 py-0.5 text-xs' : 'px-2.5 py-1.5 text-sm',
        active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
      )}
    >
      {item.label}
    </Link>
  );
}
