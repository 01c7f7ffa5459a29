export * from './users';
export * from './projects';
export * from './audit';
export * from './requirements';
export * from './specifications';
export * from './traceability';
export * from './test-cases';
