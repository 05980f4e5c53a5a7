import type request from 'supertest';

/** A supertest parser that keeps a binary body (xlsx) as a Buffer. */
export function binaryBody(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}
