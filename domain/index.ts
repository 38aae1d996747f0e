// The pure domain: rules of RULEBOOK.md, no I/O. Workflows, activities and the API import it.
export * from './calendar';
export * from './deadlines';
export * from './events';
export * from './insatstyp';
export * from './reminders';
export * from './roles';
export * from './settings';
