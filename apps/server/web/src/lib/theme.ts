import { useEffect, useState } from 'preact/hooks';

// Light or dark: the system's preference until the person picks one (kept in localStorage). The
// choice is `data-theme` on <html>; the stylesheets hold each theme's colours.

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'elf-theme';
const listeners = new Set<(theme: Theme) => void>();
const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

export function currentTheme(): Theme {
  return stored() ?? (darkQuery?.matches ? 'dark' : 'light');
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  for (const listener of listeners) listener(theme);
}

/** Sets the theme before the first render and follows the system while nothing is stored. */
export function initTheme(): void {
  apply(currentTheme());
  darkQuery?.addEventListener('change', () => {
    if (stored() === null) apply(currentTheme());
  });
}

export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Private mode or storage refused: the choice lasts for this page only.
  }
  apply(theme);
}

export function useTheme(): Theme {
  const [theme, setValue] = useState(currentTheme);
  useEffect(() => {
    listeners.add(setValue);
    return () => {
      listeners.delete(setValue);
    };
  }, []);
  return theme;
}

/** A colour custom property of the current theme, for canvases (uPlot) that cannot use CSS. */
export function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}
