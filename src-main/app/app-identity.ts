/** The app's id: the packager's `appId` and, on Windows, the notifications' AppUserModelID (they must match). */
export const appId = 'com.topstep-terminal.desktop';

/** The name people see. */
export const productName = 'Topstep Terminal';
