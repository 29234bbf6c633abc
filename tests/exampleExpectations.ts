// What each shipped example must end in, per starting task: the status its pattern intends,
// and a few data paths that show the pattern did its job. Shared by unit and browser tests.
export interface ExampleExpectation {
  status: string;
  data?: Record<string, unknown>;
  ran?: string[];
}

export const EXAMPLE_EXPECTATIONS: Record<string, Record<string, ExampleExpectation>> = {
  'sequential.json': {
    'New order': { status: 'done', data: { 'order.status': 'complete' }, ran: ['Initialize processing', 'Validate order', 'Process validated order'] },
    'Order without items': { status: 'incomplete', data: { 'order.status': 'invalid', 'order.errors.0': 'Missing items or customer email' } },
  },
  'parallel.json': {
    'New order': { status: 'incomplete', data: { 'order.status': 'fulfilled', 'order.payment.transactionId': 'pi_3Nf8', 'order.inventory.checked': true } },
  },
  'branching.json': {
    'Premium customer': { status: 'incomplete', data: { 'customer.supportLevel': 'white-glove', 'customer.autoApproved': true } },
    'Standard customer': { status: 'incomplete', data: { 'customer.requiresApproval': true, 'customer.approver': 'sales-manager' } },
    'Enterprise customer': { status: 'incomplete', data: { 'customer.accountManager': 'enterprise-team' } },
  },
  'aggregation.json': {
    'All verified': { status: 'done', data: { 'customer.status': 'active', 'customer.verificationScore': 100 } },
    'Phone still pending': { status: 'incomplete', data: { 'customer.status': undefined } },
  },
  'retry-recovers.json': {
    'Call the orders API': { status: 'incomplete', data: { 'apiCall.success': true, 'apiCall.attempts': 2, 'apiCall.result.status': 200 } },
  },
  'retry-gives-up.json': {
    'Call the orders API': {
      status: 'incomplete',
      data: { 'apiCall.failed': true, 'apiCall.attempts': 3, 'apiCall.status': 'permanently_failed', 'fallback.required': true },
    },
  },
  'dynamic-routing.json': {
    'High-value B2B order': { status: 'incomplete', data: { 'order.workflow': 'high_value_approval', 'order.approvalDeadline': '2025-01-01T04:00:00.120Z' } },
    'Standard B2C order': { status: 'incomplete', data: { 'order.workflow': 'auto_approval', 'order.approved': true } },
    'Suspicious order': { status: 'incomplete', data: { 'order.workflow': 'security_review', 'order.frozen': true } },
  },
  'enrichment.json': {
    'Known tech company': { status: 'incomplete', data: { 'customer.leadScore': 75, 'customer.tier': 'premium', 'customer.company.enriched': true } },
    'Unknown company': { status: 'incomplete', data: { 'customer.leadScore': 20, 'customer.tier': 'basic', 'customer.company.error': 'company not found' } },
  },
  'bulk.json': {
    '12 companies': {
      status: 'incomplete',
      data: {
        'processing.stage': 'batch_complete',
        'batch.processed': 12,
        'companies.11.research.status': 'done',
        'companies.0.research.result.summary': 'Company 1 looks promising',
      },
    },
  },
  'fallback.json': {
    'AI extraction works': { status: 'incomplete', data: { 'document.method': 'ai_extraction', 'document.extracted.total': 1240 } },
    'AI fails, OCR works': {
      status: 'incomplete',
      data: { 'document.method': 'ocr_fallback', 'document.extracted.total': 310.5, 'document.extracted.vendor': 'Initech' },
    },
    'Both fail': { status: 'incomplete', data: { 'document.status': 'manual_review', 'document.ocrError': 'image too blurry to read' } },
  },
  'execution-control.json': {
    'High-value order': { status: 'incomplete', data: { 'order.requiresApproval': true } },
    'Small order': { status: 'incomplete', data: { 'order.approved': true, 'order.autoProcessed': true } },
  },
  'throttling.json': {
    'Sync contacts': { status: 'incomplete', data: { rateLimited: true, 'apiCalls.59.result.ok': true, 'apiCalls.60': undefined } },
  },
  'visualization.json': {
    Customer: { status: 'incomplete', data: { 'customer.debugVisualized': true } },
  },
  'execution-tracking.json': {
    'New order': { status: 'incomplete', data: { 'order.status': 'validated', 'executionTrace.0.step': 'order_validation' } },
  },
  'best-practices.json': {
    'Paid premium order': { status: 'incomplete', data: { 'order.fulfilment': 'priority', 'order.status': 'processing', 'customer.validated': true } },
    'Empty cart': { status: 'incomplete', data: { 'order.status': 'empty_cart' } },
    'Invalid items': { status: 'incomplete', data: { 'order.status': 'invalid_items', 'order.invalidItems.0.quantity': 0 } },
  },
};
