// The root layout's entry: a server component importing a barrel of client components makes every one of them a
// client reference of every page, so through `@kassa/web/shell` the till would load the back office's shell,
// session and query cache at first paint (15.7 KB gzipped on /pos, measured).
export { AppProviders } from './lib/app-providers';
