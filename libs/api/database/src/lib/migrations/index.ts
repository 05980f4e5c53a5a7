import { CreateAppRoleAndInstallation1764115200000 } from './1764115200000-create-app-role-and-installation';

/** Every migration, in order. New ones are appended here. */
export const migrations = [CreateAppRoleAndInstallation1764115200000];
