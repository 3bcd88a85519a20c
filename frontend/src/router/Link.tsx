import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useRouter } from './Router';

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** Whether a click is a plain left click that the app should handle itself (not "open in a new tab"). */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A real link (it can be opened in a new tab or copied) that navigates inside the app on a plain click. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const { location, navigate } = useRouter();
  return (
    <a
      href={href}
      aria-current={location.pathname === href ? 'page' : undefined}
      {...rest}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    />
  );
}
