import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { useCurrentPath } from './hash-router';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: string;
  readonly children: ReactNode;
}

/** A plain anchor to `#<to>`, so keyboard, middle-click and screen readers treat it as a link. */
export function Link({ to, children, ...rest }: LinkProps) {
  const path = useCurrentPath();
  const current = path === to ? { 'aria-current': 'page' as const } : {};
  return (
    <a href={`#${to}`} {...current} {...rest}>
      {children}
    </a>
  );
}
