import { describe, expect, test } from 'vitest';
import { openApiDocument } from './openapi';
import { API_OPERATIONS } from './operations';
import { referenceOf } from './reference';
import { createCampaignBody, requirementPage } from './schemas';

describe('the OpenAPI document', () => {
  const document = openApiDocument() as unknown as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; security: unknown; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>; securitySchemes: unknown };
  };

  test('is OpenAPI 3.1 with every operation under /api/v1, bearer-secured', () => {
    expect(document.openapi).toBe('3.1.0');
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(ids.sort()).toEqual(API_OPERATIONS.map((op) => op.name).sort());
    for (const path of Object.keys(document.paths)) expect(path).toMatch(/^\/api\/v1\/projects\/\{projectKey\}\//);
    expect(document.components.securitySchemes).toEqual({ bearerToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
  });

  test('is generated from the zod schemas the routes parse with', () => {
    const requirement = document.components.schemas.Requirement!;
    expect(Object.keys(requirement.properties!)).toEqual(Object.keys(requirementPage.shape.data.element.shape));
    const input = document.components.schemas.CampaignInput!;
    expect(Object.keys(input.properties!).sort()).toEqual(Object.keys(createCampaignBody.shape).sort());
    expect(input.required).toEqual(expect.arrayContaining(['name', 'type']));
    const create = document.paths['/api/v1/projects/{projectKey}/campaigns']!.post!;
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '415', '429']));
    const list = document.paths['/api/v1/projects/{projectKey}/requirements']!.get!;
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '304', '400', '401', '404', '429']));
    expect(list.responses).not.toHaveProperty('403');
  });

  test('the reference page reads parameters, body and response fields from it', () => {
    const operations = referenceOf(document);
    const create = operations.find((op) => op.id === 'createCampaign')!;
    expect(create.method).toBe('POST');
    expect(create.body.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'type', 'plannedStart']));
    expect(create.body.find((f) => f.name === 'name')!.required).toBe(true);
    const results = operations.find((op) => op.id === 'listCampaignResults')!;
    expect(results.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['projectKey (path)', 'number (path)', 'cursor (query)', 'limit (query)']));
    expect(results.response.map((f) => f.name)).toEqual(expect.arrayContaining(['campaign.number', 'data[].testCaseRef', 'data[].state', 'nextCursor']));
  });
});
