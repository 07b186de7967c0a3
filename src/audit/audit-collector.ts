/** One object whose restricted fields a response returned. */
export interface AuditedObject {
  type: string;
  id: string;
  fields: string[];
}

/** Name of the response extension in which a subgraph reports the restricted data it returned. */
export const AUDIT_EXTENSION = 'ivoAudit';

/** Collects, during one request, which restricted fields of which objects were returned. */
export class AuditCollector {
  private readonly objects = new Map<string, { type: string; id: string; fields: Set<string> }>();

  /** Notes that a restricted field of an object was returned with a value. */
  record(type: string, id: string, field: string): void {
    const key = `${type}\u0000${id}`;
    const entry = this.objects.get(key) ?? { type, id, fields: new Set<string>() };
    entry.fields.add(field);
    this.objects.set(key, entry);
  }

  /** Returns the objects noted so far, fields sorted, in the order first seen. */
  list(): AuditedObject[] {
    return [...this.objects.values()].map((entry) => ({ type: entry.type, id: entry.id, fields: [...entry.fields].sort() }));
  }

  get isEmpty(): boolean {
    return this.objects.size === 0;
  }
}
