// server-only throws outside a React Server bundle; integration tests run server code directly.
export {};
