// Declared in the contracts: the web client reads the same error shape.
export { ZErrorBody } from '../contracts/api/errors';
