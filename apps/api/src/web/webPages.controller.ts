import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@app/config';
import { AppError } from '../application/appError';
import { APP_CONFIG } from '../infrastructure/tokens';
import { WebFiles } from './webFiles';

/** Paths that belong to the API: an unknown one is a JSON 404, never the web page. */
const API_PREFIXES = ['/v1', '/docs', '/health'];

/**
 * The web pages, built by Vite into `webDir`: files by path, and `index.html` for every
 * other page path, since the pages route in the browser (/shows/x, /admin, ...).
 * Registered as a wildcard, so every route the API declares wins over it.
 */
@ApiExcludeController()
@Controller()
export class WebPagesController {
  private readonly files: WebFiles;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.files = new WebFiles(config.webDir);
  }

  @Get('*')
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const path = decodePath(request.url.split('?')[0]);
    if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      throw new AppError('not_found', `No route GET ${path.slice(0, 200)}`);
    }
    const asset = /\.[A-Za-z0-9]{1,8}$/.test(path);
    const file = asset ? await this.files.file(path) : await this.files.index();
    if (!file) {
      if (!asset && !this.files.built) {
        throw new AppError('web_not_built', `The web pages are not built: run "npm run build" (looked in ${this.files.root})`);
      }
      throw new AppError('not_found', `No file ${path.slice(0, 200)}`);
    }
    // Vite puts a content hash in every asset name under /assets, so those never change.
    const immutable = path.startsWith('/assets/');
    void reply
      .header('Content-Type', file.contentType)
      .header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(file.body);
  }
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError('invalid_request', 'The path is not valid percent-encoding');
  }
}
