import type { Router, RequestHandler } from 'express';
import express from 'express';

/** `/explorer`: the analysts' page (static files built at install time). To be filled in. */
export function explorerRouter(): Router {
  return express.Router();
}

/** `GET /graphql` from a browser: the offline GraphQL IDE. To be filled in; calls next() otherwise. */
export const graphiqlHandler: RequestHandler = (_req, _res, next) => next();
