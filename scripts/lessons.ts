// A short lesson per example, in our own words: what the pattern is for, the one condition
// detail that makes it work, and a "try this" edit. Stops point at step names (their first run).
import type { Lesson } from '../src/engine/lesson.ts';

const stop = (at: string | number, title: string, text: string, highlight: string[] = []) => ({ at, title, text, highlight });

export const LESSONS: Record<string, Lesson> = {
  'sequential.json': {
    title: 'A chain made of data',
    stops: [
      stop(
        'Initialize processing',
        'Nobody calls the next step',
        'Each step only changes order.status. No step names another; the next one runs because its condition now matches.',
        ['Initialize processing', 'order.status'],
      ),
      stop(
        'Validate order',
        'One field, three meanings',
        'Validate waits for status "processing". The value a step writes is the hand-off: change it and the chain takes another road.',
        ['Validate order', 'order.status'],
      ),
      stop(
        'Process validated order',
        'Try this',
        'task.complete() ends the task as done. Try: empty order.items in Task data and run again: Validate sets "invalid" and the task ends incomplete.',
        ['Process validated order'],
      ),
    ],
  },
  'parallel.json': {
    title: 'Two steps, one trigger',
    stops: [
      stop(
        'Payment processing (runs immediately)',
        'Both match',
        'Payment and Inventory both match a new order. A task runs one step at a time, so the first in the list goes first; the other waits its turn.',
        ['Payment processing (runs immediately)', 'Inventory check (runs simultaneously)'],
      ),
      stop(
        'Inventory check (runs simultaneously)',
        'Still "new"',
        'Neither step changes order.status, so the other one still matches after the first has run.',
        ['order.status'],
      ),
      stop(
        'Coordination step (waits for both)',
        'Try this',
        'Coordination needs payment.processed and inventory.checked. Try: move Inventory to the top of the list and watch the order of the runs change while the outcome stays the same.',
        ['order.payment.processed', 'order.inventory.checked'],
      ),
    ],
  },
  'branching.json': {
    title: 'The data picks the branch',
    stops: [
      stop(
        'Premium customer workflow',
        'Exactly one matches',
        'Three steps wait on customer.tier; only the one whose tier equals the data runs. There is no if/else anywhere.',
        ['customer.tier'],
      ),
      stop(
        'Premium customer workflow',
        'Try this',
        'Switch the task to “Enterprise customer” and run: the enterprise branch runs and calls Slack. Or fork this run and set tier to "enterprise".',
        ['Enterprise customer workflow'],
      ),
      stop(
        'Premium customer workflow',
        'Explore finds what no task tried',
        'Open the Explore tab and press Explore. Of 1,000 generated customers, about four in ten run no step at all: a tier the steps do not list, or verified not true, leaves the task incomplete with nothing done. And an enterprise customer without an order makes the enterprise step throw (it reads order.total); its minimal example is { customer: { tier: "enterprise", verified: true } }. Add as task keeps it as a test.',
        ['Enterprise customer workflow', 'customer.tier'],
      ),
    ],
  },
  'aggregation.json': {
    title: 'Wait for everything',
    stops: [
      stop(
        'Collect multiple verification types',
        'Four leaves, one step',
        'The condition lists four statuses; it matches only when every one of them is "verified".',
        ['verification.email.status', 'verification.phone.status'],
      ),
      stop(
        'Collect multiple verification types',
        'Try this',
        'Switch to the task “Phone still pending” and run: it ends incomplete, and the Why tab shows which leaf fails.',
        ['verification.phone.status'],
      ),
    ],
  },
  'retry-recovers.json': {
    title: 'Retry with backoff',
    stops: [
      stop(
        'Initial API call attempt',
        'Catch, count, park',
        'The call fails; the step counts the attempt, parks the task for 2^attempts seconds and asks to run again with step.redo().',
        ['apiCall.attempts', 'apiCall.retryAfter'],
      ),
      stop(
        8,
        'Why it can run again',
        'Without redo a step runs once per task. failed: null keeps matching because the step never sets failed while it still retries.',
        ['apiCall.failed'],
      ),
      stop(
        'Initial API call attempt',
        'Try this',
        'Open the Lanes tab: two parks, 2 s and 4 s. Try: make the mock throw three times (Connectors tab) and see the failure handler take over.',
        [],
      ),
    ],
  },
  'retry-gives-up.json': {
    title: 'When retries run out',
    stops: [
      stop('Initial API call attempt', 'Three strikes', 'After the third failure the step sets apiCall.failed = true instead of parking again.', [
        'apiCall.failed',
      ]),
      stop(
        'Handle final failure',
        'A different step takes over',
        'failed: true is what the failure handler waits for, and what stops the retry step from matching.',
        ['Handle final failure', 'apiCall.failed'],
      ),
      stop('Handle final failure', 'Try this', 'Change the retry limit from 3 to 2 and run again: one park fewer in the Lanes tab.', []),
      stop(
        'Handle final failure',
        'Explore what gives up',
        'In the Explore tab, 1,000 variants fall into three classes. An empty url is still called three times and then handed to the failure handler, since nothing checks it first (minimal example: { apiCall: { url: "" } }). A task that arrives with apiCall.failed: true skips every attempt and goes straight to the handler. Explore varies the task data; the mock answers as written in Connectors.',
        ['apiCall.url', 'apiCall.failed'],
      ),
    ],
  },
  'dynamic-routing.json': {
    title: 'Routing by shape',
    stops: [
      stop(
        'High-value B2B order approval workflow',
        'Several keys must agree',
        'type, highValue and customer.verified all have to match; a B2C order never enters this workflow.',
        ['order.type', 'order.highValue'],
      ),
      stop(
        'High-value B2B order approval workflow',
        'Try this',
        'Run the “Suspicious order” task: both the B2C step and the security step match, because $gt: 70 looks only at riskScore.',
        ['order.customer.riskScore'],
      ),
    ],
  },
  'enrichment.json': {
    title: 'Build data in layers',
    stops: [
      stop(
        'Basic customer data validation',
        'Each layer unlocks the next',
        'Validation writes emailDomain and enrichmentReady, which is exactly what the company lookup waits for.',
        ['customer.enrichmentReady'],
      ),
      stop(
        'Company enrichment',
        'Failure is data too',
        'If the lookup throws, the step still writes company.enriched = false, so scoring can run either way: Boolean matches true and false.',
        ['customer.company.enriched'],
      ),
      stop('Lead scoring', 'Try this', 'Run the “Unknown company” task: the lookup fails and the lead still gets a score.', ['customer.leadScore']),
    ],
  },
  'bulk.json': {
    title: 'Batches and subtasks',
    stops: [
      stop(
        'Process batch',
        'A condition that reads data',
        'batch.index < data.companies.length is evaluated again at every check, so the step stops on its own once the index passes the end.',
        ['batch.index'],
      ),
      stop(
        'Research a company (subtask)',
        'Subtasks run side by side',
        'Each company is a subtask run by the same steps; its result lands at companies.N.research. Open the Lanes tab to see five at a time.',
        ['Research a company (subtask)'],
      ),
      stop('Process batch', 'Try this', 'Set batch size to 3 in the first step and run again: more batches, smaller groups in the lanes.', []),
      stop(
        'Process batch',
        'Explore the batches',
        'Explore finds no number of companies that leaves a last batch unprocessed: batch.index < data.companies.length covers a short last batch. It finds two gaps instead: an empty companies list runs the first step and nothing after it, and a null entry makes Process batch throw (minimal example: { processAll: true, companies: [null] }).',
        ['companies', 'batch.index'],
      ),
    ],
  },
  'fallback.json': {
    title: 'Degrade gracefully',
    stops: [
      stop('Primary processing attempt', 'Catch and flag', 'The AI step catches its own failure and sets fallbackRequired, which the OCR step waits for.', [
        'document.fallbackRequired',
      ]),
      stop('Primary processing attempt', 'Try this', 'Run “AI fails, OCR works” and “Both fail”: each failure flag hands the document to the next step down.', [
        'document.manualReviewRequired',
      ]),
    ],
  },
  'execution-control.json': {
    title: 'Skip what does not apply',
    stops: [
      stop(
        'Only process high-value orders',
        'true and false are values',
        'highValue: true and highValue: false are two exact matches: each order meets exactly one step.',
        ['order.highValue'],
      ),
      stop('Only process high-value orders', 'Try this', 'Run the “Small order” task: the other step runs and the order is auto-approved.', []),
    ],
  },
  'throttling.json': {
    title: 'A loop that respects a limit',
    stops: [
      stop('Process with rate limiting', 'redo makes a loop', 'Each run makes one call and asks to run again. Every call takes 500 ms of virtual time.', [
        'apiCalls',
      ]),
      stop(
        'Process with rate limiting',
        'Try this',
        'After 60 calls inside one virtual minute the step sets rateLimited = true and stops matching. Lower maxCallsPerMinute to 10 and run again.',
        ['rateLimited'],
      ),
    ],
  },
  'visualization.json': {
    title: 'See what a step saw',
    stops: [
      stop(
        'Visualize customer state',
        'task.visualize',
        'The step sends a snapshot to the Visualize tab and logs to the Console tab. Try: change type to "table".',
        ['customer.debugVisualized'],
      ),
    ],
  },
  'execution-tracking.json': {
    title: 'Leave a trail',
    stops: [
      stop(
        'Track and validate order',
        'A trace inside the data',
        'The step appends to data.executionTrace. Steplab records all of this for you too: open the Log tab.',
        ['executionTrace'],
      ),
    ],
  },
  'best-practices.json': {
    title: 'Write conditions that say what you mean',
    stops: [
      stop('Specific condition', 'Specific wins', 'status, tier and a present total: this step matches only paid premium orders.', ['order.status']),
      stop(
        'Overly broad condition (avoid)',
        'Broad matches everything',
        'order: Object matches any order at all: it ran here, and it would run for every other order too.',
        ['Overly broad condition (avoid)'],
      ),
      stop('Handle edge cases', 'Try this', 'Run the “Empty cart” task and watch the edge-case step stop early with a clear status.', ['order.status']),
    ],
  },
};
