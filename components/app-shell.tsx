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
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-6 px-4">
          <Link href="/" className="text-[15px] font-semibold tracking-tight text-brand-900">
            Overturn
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1">
            {nav.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    'rounded-md px-2.5 py-1.5 text-sm font-medium',
                    active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
                  )}
                >
                  {item.label}
                </Link>
              );
            })}
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
      </header>
      <main className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-4 print:max-w-none print:p-0">{children}</main>
    </div>
  );
}
