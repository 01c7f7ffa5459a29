export * from './users';
export * from './sessions';
export * from './projects';
export * from './audit';
export * from './requirements';
export * from './specifications';
export * from './traceability';
export * from './instance';
