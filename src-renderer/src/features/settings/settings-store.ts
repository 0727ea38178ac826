import { create } from 'zustand';

/** Sections of the settings dialog. */
export type SettingsSection = 'connection' | 'risk' | 'brackets' | 'hotkeys' | 'trading' | 'appearance';

interface SettingsViewState {
  readonly open: boolean;
  readonly section: SettingsSection;
  readonly actions: {
    settingsOpened(section?: SettingsSection): void;
    settingsClosed(): void;
    sectionChosen(section: SettingsSection): void;
  };
}

const useSettingsViewStore = create<SettingsViewState>()((set) => ({
  open: false,
  section: 'connection',
  actions: {
    settingsOpened: (section) => set((state) => ({ open: true, section: section ?? state.section })),
    settingsClosed: () => set({ open: false }),
    sectionChosen: (section) => set({ section }),
  },
}));

/** Whether the settings dialog is open. */
export function useSettingsOpen(): boolean {
  return useSettingsViewStore((state) => state.open);
}

/** The section shown. */
export function useSettingsSection(): SettingsSection {
  return useSettingsViewStore((state) => state.section);
}

/** Events of the settings dialog. */
export function useSettingsActions(): SettingsViewState['actions'] {
  return useSettingsViewStore((state) => state.actions);
}
