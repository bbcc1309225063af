/**
 * The server's contract, as TypeScript: the types are generated (npm run api-types) from
 * openapi.json, which PublicContractTest keeps equal to the running app's /v3/api-docs. Naming
 * the route, method and status here, rather than copying a shape, makes `tsc` fail when Java and
 * the browser drift apart: each of the three must exist in the document.
 */
import type { components, paths } from './schema';

type Route = keyof paths;

/** The methods a route has (the generated paths list every method, `never` where absent). */
type MethodOf<R extends Route> = Exclude<
  { [M in keyof paths[R]]-?: [NonNullable<paths[R][M]>] extends [never] ? never : M }[keyof paths[R]],
  'parameters'
>;

type Operation<R extends Route, M extends MethodOf<R>> = NonNullable<paths[R][M]>;
type Answers<R extends Route, M extends MethodOf<R>> = Operation<R, M> extends { responses: infer A } ? A : never;
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body that a route accepts for a method. */
export type RequestOf<R extends Route, M extends MethodOf<R>> =
  Operation<R, M> extends { requestBody?: infer Body } ? Json<NonNullable<Body>> : never;

/** The JSON that a route answers with, for one of its documented statuses. */
export type AnswerOf<R extends Route, M extends MethodOf<R>, Status extends keyof Answers<R, M>> = Json<Answers<R, M>[Status]>;

/** A named schema of the document, for shapes that several routes share. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
