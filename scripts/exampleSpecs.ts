// One workspace per seed pattern: the seed's steps as written, plus starting tasks and the
// connector mocks that make each pattern meaningful. `npm run examples` writes examples/*.json.
import type { ConnectorMocks, StepDef, TaskDef } from '../src/engine/types.ts';
import { seedBlock, seedSteps } from './seedBlocks.ts';

export interface ExampleSpec {
  file: string;
  name: string;
  description: string;
  steps: StepDef[];
  tasks: TaskDef[];
  connectors?: ConnectorMocks;
}

const seed = (heading: string, rename: string[] = []): StepDef[] =>
  seedSteps(heading).map((s, i) => ({ name: rename[i] ?? s.name, source: s.source, enabled: true }));
const added = (name: string, source: string): StepDef => ({ name, source: source.trim() + '\n', enabled: true });
const slack = { slackCom: { send: { latencyMs: 120, responses: [{ returns: { ok: true, ts: '1735689600.000100' } }] } } };

const companies = Array.from({ length: 12 }, (_, i) => ({ name: `Company ${i + 1}`, domain: `company${i + 1}.example` }));

const OCR_HELPERS = `
// Helpers the fallback step calls (the seed leaves them to the reader).
function extractTotal(text) {
  const match = /Total:\\s*\\$([\\d,]+\\.\\d{2})/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : null;
}

function extractDate(text) {
  const match = /Date:\\s*(\\d{4}-\\d{2}-\\d{2})/.exec(text);
  return match ? match[1] : null;
}

function extractVendor(text) {
  const match = /INVOICE #\\d+\\s+(.+?)\\s+Total:/.exec(text);
  return match ? match[1] : null;
}
`;

export const EXAMPLES: ExampleSpec[] = [
  {
    file: 'sequential.json',
    name: 'Sequential processing',
    description: 'Three steps chained through order.status: new → processing → validated → complete.',
    steps: seed('Sequential Processing'),
    tasks: [
      { name: 'New order', data: { order: { id: 'A-1001', status: 'new', items: [{ sku: 'SKU-1', quantity: 2 }], customer: { email: 'ada@example.com' } } } },
      { name: 'Order without items', data: { order: { id: 'A-1002', status: 'new', items: [], customer: { email: 'bob@example.com' } } } },
    ],
  },
  {
    file: 'parallel.json',
    name: 'Parallel processing',
    description: 'Payment and inventory both match a new order; a coordination step waits for both flags.',
    steps: seed('Parallel Processing'),
    tasks: [
      {
        name: 'New order',
        data: {
          order: {
            id: 'A-2001',
            status: 'new',
            items: [
              { sku: 'SKU-1', quantity: 2 },
              { sku: 'SKU-7', quantity: 1 },
            ],
            payment: { method: 'card', amount: 4200 },
          },
        },
      },
    ],
    connectors: {
      stripe: { createPaymentIntent: { latencyMs: 300, responses: [{ returns: { id: 'pi_3Nf8', status: 'succeeded' } }] } },
      inventory: { checkStock: { latencyMs: 80, responses: [{ returns: true }] } },
    },
  },
  {
    file: 'branching.json',
    name: 'Conditional branching',
    description: 'One step per customer tier; the data decides which branch runs. One task per tier.',
    steps: seed('Conditional Branching'),
    tasks: ['premium', 'standard', 'enterprise'].map((tier) => ({
      name: `${tier[0].toUpperCase()}${tier.slice(1)} customer`,
      data: { customer: { name: `${tier[0].toUpperCase()}${tier.slice(1)} Corp`, tier, verified: true }, order: { total: 1500 } },
    })),
    connectors: slack,
  },
  {
    file: 'aggregation.json',
    name: 'Aggregation',
    description: 'Activates the account only when all four verifications are in.',
    steps: seed('Aggregation Pattern'),
    tasks: [
      {
        name: 'All verified',
        data: {
          customer: { email: 'ada@example.com' },
          verification: { email: { status: 'verified' }, phone: { status: 'verified' }, identity: { status: 'verified' }, address: { status: 'verified' } },
        },
      },
      {
        name: 'Phone still pending',
        data: {
          customer: { email: 'bob@example.com' },
          verification: { email: { status: 'verified' }, phone: { status: 'pending' }, identity: { status: 'verified' }, address: { status: 'verified' } },
        },
      },
    ],
    connectors: { eMailSmtpOAuth: { sendEmail: { latencyMs: 200, responses: [{ returns: { messageId: 'msg-1' } }] } } },
  },
  retry('retry-recovers.json', 'Retry and recovery (recovers)', 'Two failures, parks of 2 s and 4 s, then the third attempt succeeds.', [
    { throws: '503 Service Unavailable' },
    { throws: 'ETIMEDOUT' },
    { returns: { status: 200, body: { orderId: 42, state: 'shipped' } } },
  ]),
  retry('retry-gives-up.json', 'Retry and recovery (gives up)', 'Three failures with backoff, then the failure handler raises an alert.', [
    { throws: '503 Service Unavailable' },
  ]),
  {
    file: 'dynamic-routing.json',
    name: 'Dynamic workflow selection',
    description: 'Routes orders to approval, auto-approval or security review by their data.',
    steps: seed('Dynamic Workflow Selection'),
    tasks: [
      {
        name: 'High-value B2B order',
        data: {
          customer: { name: 'Globex' },
          order: {
            id: 'B-7001',
            type: 'B2B',
            highValue: true,
            total: 25000,
            approvalLink: 'https://approvals.example/B-7001',
            customer: { verified: true, riskScore: 12 },
          },
        },
      },
      {
        name: 'Standard B2C order',
        data: { customer: { name: 'Ada' }, order: { id: 'C-3001', type: 'B2C', highValue: false, total: 120, customer: { verified: true, riskScore: 5 } } },
      },
      {
        name: 'Suspicious order',
        data: {
          customer: { name: 'Mallory' },
          order: { id: 'S-0666', type: 'B2C', highValue: false, total: 900, customer: { verified: true, riskScore: 85 } },
        },
      },
    ],
    connectors: slack,
  },
  {
    file: 'enrichment.json',
    name: 'Progressive data enrichment',
    description: 'Validates an email, looks up the company, then scores the lead, one step at a time.',
    steps: seed('Progressive Data Enrichment'),
    tasks: [
      { name: 'Known tech company', data: { customer: { name: 'Ada Lovelace', email: 'ada@analytical-engines.example' } } },
      { name: 'Unknown company', data: { customer: { name: 'Bob', email: 'bob@unknown.example' } } },
    ],
    connectors: {
      clearbit: {
        companyLookup: {
          latencyMs: 250,
          source: `export default async (args, call) => {
  if (args.domain === 'unknown.example') throw new Error('company not found');
  return { name: 'Analytical Engines', category: { industry: 'technology' }, metrics: { employees: 2500, annualRevenue: 120000000 } };
};
`,
        },
      },
    },
  },
  {
    file: 'bulk.json',
    name: 'Bulk processing',
    description: 'Batches of five companies, each researched in a subtask; results land at companies.N.research.',
    steps: [
      ...seed('Bulk Processing Pattern'),
      added(
        'Research a company (subtask)',
        `
// Runs in each subtask that the batch step creates.
export const condition = {
  research: { type: "company_analysis" },
  company: { name: String }
};

export const content = async () => {
  const profile = await connectors.research.analyze({ name: data.company.name });
  task.complete({ summary: profile.summary, score: profile.score });
};
`,
      ),
    ],
    tasks: [{ name: '12 companies', data: { processAll: true, companies } }],
    connectors: {
      research: {
        analyze: { latencyMs: 500, source: 'export default async (args, call) => ({ summary: `${args.name} looks promising`, score: (call * 37) % 100 });\n' },
      },
    },
  },
  {
    file: 'fallback.json',
    name: 'Error recovery and fallback',
    description: 'AI extraction, then OCR as a fallback, then manual review when both fail.',
    steps: seed('Error Recovery and Fallback').map((step, i) => (i === 1 ? { ...step, source: step.source + OCR_HELPERS } : step)),
    tasks: [
      { name: 'AI extraction works', data: { document: { type: 'invoice', content: 'INVOICE #881 ACME Tools Total: $1,240.00 Date: 2025-01-03' } } },
      { name: 'AI fails, OCR works', data: { document: { type: 'invoice', content: 'scanned: INVOICE #882 Initech Total: $310.50 Date: 2025-01-04' } } },
      { name: 'Both fail', data: { document: { type: 'invoice', content: 'scanned blurry photo', reviewLink: 'https://review.example/doc/883' } } },
    ],
    connectors: {
      documentAI: {
        extract: {
          latencyMs: 400,
          source: `export default async (args) => {
  if (args.content.startsWith('scanned')) throw new Error('unsupported document layout');
  return { total: 1240, vendor: 'ACME Tools', date: '2025-01-03' };
};
`,
        },
      },
      ocrService: {
        processDocument: {
          latencyMs: 900,
          source: `export default async (args) => {
  if (args.content.includes('blurry')) throw new Error('image too blurry to read');
  return { text: args.content.replace('scanned: ', '') };
};
`,
        },
      },
      ...slack,
    },
  },
  {
    file: 'execution-control.json',
    name: 'Conditional execution control',
    description: 'High-value orders go to approval; small orders are auto-approved.',
    steps: seed('Conditional Execution Control'),
    tasks: [
      { name: 'High-value order', data: { order: { id: 'H-1', status: 'new', highValue: true, total: 25000 } } },
      { name: 'Small order', data: { order: { id: 'S-1', status: 'new', highValue: false, total: 80 } } },
    ],
  },
  {
    file: 'throttling.json',
    name: 'Throttling and rate limiting',
    description: 'Calls an API in a redo loop until 60 calls fall within one virtual minute.',
    steps: seed('Throttling and Rate Limiting'),
    tasks: [{ name: 'Sync contacts', data: { apiCalls: [], rateLimited: false, apiRequest: { endpoint: '/v1/contacts', page: 1 } } }],
    connectors: { externalApi: { call: { latencyMs: 500, responses: [{ returns: { ok: true } }] } } },
  },
  {
    file: 'visualization.json',
    name: 'Data state visualization',
    description: 'task.visualize and console output to see what a step saw.',
    steps: seed('Data State Visualization', ['Visualize customer state']),
    tasks: [{ name: 'Customer', data: { customer: { name: 'Ada', email: 'ada@example.com' }, processing: { stage: 'enrichment' } } }],
  },
  {
    file: 'execution-tracking.json',
    name: 'Step execution tracking',
    description: 'A step that appends its own entry to data.executionTrace.',
    steps: seed('Step Execution Tracking', ['Track and validate order']),
    tasks: [{ name: 'New order', data: { order: { id: 'A-5001', status: 'new' } } }],
  },
  {
    file: 'best-practices.json',
    name: 'Best practices',
    description: 'Specific vs. broad conditions, clear data markers, and edge-case handling.',
    steps: bestPracticeSteps(),
    tasks: [
      {
        name: 'Paid premium order',
        data: {
          customer: { email: 'ada@example.com' },
          order: { status: 'paid', total: 300, customer: { tier: 'premium', validated: true }, items: [{ sku: 'SKU-1', quantity: 1, price: 300 }] },
        },
      },
      {
        name: 'Empty cart',
        data: { customer: { email: 'bob@example.com' }, order: { status: 'new', items: [], customer: { tier: 'standard', validated: true } } },
      },
      {
        name: 'Invalid items',
        data: {
          customer: { email: 'eve@example.com' },
          order: { status: 'new', items: [{ sku: 'SKU-1', quantity: 0, price: 5 }], customer: { tier: 'standard', validated: true } },
        },
      },
    ],
  },
];

function retry(file: string, name: string, description: string, responses: ({ throws: string } | { returns: unknown })[]): ExampleSpec {
  return {
    file,
    name,
    description,
    steps: seed('Retry and Recovery Pattern'),
    tasks: [{ name: 'Call the orders API', data: { apiCall: { url: 'https://api.example.com/orders/42', options: { method: 'GET' } } } }],
    connectors: { externalApi: { request: { latencyMs: 150, responses: responses as never } }, ...slack },
  };
}

function bestPracticeSteps(): StepDef[] {
  const [good, broad] = seedSteps('Design Specific Conditions');
  // This seed block holds a content and then a condition, so it is cut at the second comment.
  const markers = seedBlock('Use Clear Data Markers');
  const cut = markers.indexOf('// Next step');
  const flag = { source: markers.slice(0, cut).trim() + '\n' };
  const next = { source: markers.slice(cut).trim() + '\n' };
  return [
    { name: 'Specific condition', enabled: true, source: `${good.source}\nexport const content = async () => {\n  data.order.fulfilment = "priority";\n};\n` },
    {
      name: 'Overly broad condition (avoid)',
      enabled: true,
      source: `${broad.source}\nexport const content = async () => {\n  data.order.touchedByBroadStep = true;\n};\n`,
    },
    {
      name: 'Mark customer validated',
      enabled: true,
      source: `export const condition = {\n  customer: { email: String, validated: null }\n};\n\n${flag.source}`,
    },
    {
      name: 'Depends on validation',
      enabled: true,
      source: `${next.source}\nexport const content = async () => {\n  console.log('Customer validated at', data.customer.validatedAt);\n};\n`,
    },
    ...seed('Handle Edge Cases', ['Handle edge cases']),
  ];
}
