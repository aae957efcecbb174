// The few mocha globals the component tests use. @web/test-runner runs mocha in the page;
// @types/mocha is not installed, and this is all the tests need from it.
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;
