export * from './common.ts';
export * from './permissions.ts';
export * from './auth.ts';
export * from './org.ts';
export * from './admin.ts';
