import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { defaultHotkeys, type HotkeyAction } from './hotkeys';

/** Colour schemes. */
export type ThemeName = 'dark' | 'midnight' | 'light';
/** Colours for up and down: the usual green and red, or blue and orange for red-green colour blindness. */
export type DirectionPalette = 'green-red' | 'blue-orange';
/** Row height and font size. */
export type Density = 'compact' | 'comfortable';

interface PreferencesState {
  readonly theme: ThemeName;
  readonly palette: DirectionPalette;
  readonly density: Density;
  readonly hotkeys: Readonly<Record<HotkeyAction, string>>;
  readonly hotkeysEnabled: boolean;
  readonly actions: {
    themeChosen(theme: ThemeName): void;
    paletteChosen(palette: DirectionPalette): void;
    densityChosen(density: Density): void;
    hotkeyBound(action: HotkeyAction, binding: string): void;
    hotkeysReset(): void;
    hotkeysToggled(enabled: boolean): void;
  };
}

const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: 'dark',
      palette: 'green-red',
      density: 'compact',
      hotkeys: defaultHotkeys,
      hotkeysEnabled: true,
      actions: {
        themeChosen: (theme) => set({ theme }),
        paletteChosen: (palette) => set({ palette }),
        densityChosen: (density) => set({ density }),
        hotkeyBound: (action, binding) => set((state) => ({ hotkeys: { ...state.hotkeys, [action]: binding } })),
        hotkeysReset: () => set({ hotkeys: defaultHotkeys }),
        hotkeysToggled: (enabled) => set({ hotkeysEnabled: enabled }),
      },
    }),
    {
      name: 'terminal.preferences',
      version: 1,
      partialize: ({ theme, palette, density, hotkeys, hotkeysEnabled }) => ({ theme, palette, density, hotkeys, hotkeysEnabled }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<PreferencesState>;
        return { ...current, ...saved, hotkeys: { ...defaultHotkeys, ...saved.hotkeys }, actions: current.actions };
      },
    },
  ),
);

/** The colour scheme. */
export function useTheme(): ThemeName {
  return usePreferencesStore((state) => state.theme);
}

/** The up/down palette. */
export function usePalette(): DirectionPalette {
  return usePreferencesStore((state) => state.palette);
}

/** The density. */
export function useDensity(): Density {
  return usePreferencesStore((state) => state.density);
}

/** The hotkey bindings, by action. */
export function useHotkeys(): Readonly<Record<HotkeyAction, string>> {
  return usePreferencesStore((state) => state.hotkeys);
}

/** Whether hotkeys fire. */
export function useHotkeysEnabled(): boolean {
  return usePreferencesStore((state) => state.hotkeysEnabled);
}

/** Events that change the preferences. */
export function usePreferencesActions(): PreferencesState['actions'] {
  return usePreferencesStore((state) => state.actions);
}
