// Finch's official Node SDK against the stand-in binary: every operation, through the SDK.
//
//     node tools/interop/node_sdk.mjs target/debug/finch-stand-in
//
// Starts the stand-in on a free loopback port, points the SDK at it and calls every operation
// it has, with only the required arguments and (for most) again with optional ones; the beta
// endpoints the SDK does not have yet (plans, ledger items) go through its generic `get`/`post`.
// Exits non-zero, naming each call, if any throws. `.ci/run` runs it with the SDK version pinned
// in `package.json` and `package-lock.json`.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import Finch from '@tryfinch/finch-api';

/** The stand-in's process and what it prints (`key=value` lines, then `ready`). */
async function start(binary) {
  const child = spawn(binary, ['--codes', '3', '--job-refreshes', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const printed = { authorization_code: [] };
  const lines = readline.createInterface({ input: child.stdout });
  await new Promise((resolve, reject) => {
    child.on('exit', () => reject(new Error('the stand-in stopped before it was ready')));
    lines.on('line', (line) => {
      if (line === 'ready') return resolve();
      const [key, ...rest] = line.split('=');
      if (key === 'authorization_code') printed[key].push(rest.join('='));
      else printed[key] = rest.join('=');
    });
  });
  return { child, printed };
}

const { child, printed } = await start(process.argv[2]);
const keys = { clientID: printed.client_id, clientSecret: printed.client_secret, baseURL: printed.base_url, maxRetries: 0 };
// The application (Basic auth, no token) and the connection of the printed token; the SDK's
// generic `get`/`post` send the client's Basic credentials when it has them, so the beta
// endpoints go through a client with the token only.
const app = new Finch({ ...keys, accessToken: null });
const finch = new Finch({ ...keys, accessToken: printed.access_token });
const tokenOnly = new Finch({ baseURL: printed.base_url, maxRetries: 0, accessToken: printed.access_token });
let calls = 0;
const failures = [];
/** Awaits `make()`, reporting every failure rather than only the first. */
async function call(name, make) {
  calls += 1;
  try {
    return await make();
  } catch (error) {
    failures.push(`${name}: ${error.status ?? ''} ${String(error.message).slice(0, 300)}`);
    return null;
  }
}
/** Every item of a paged or listed reply. */
async function all(page) {
  const items = [];
  for await (const item of page) items.push(item);
  return items;
}

const entity = printed.entity_id;
const person = (await finch.hris.directory.list({ limit: 1 })).individuals[0].id;

// Organization
await call('hris.company.retrieve', () => finch.hris.company.retrieve());
await call('hris.company.retrieve(entity_ids)', () => finch.hris.company.retrieve({ entity_ids: [entity] }));
await call('hris.directory.list', () => all(finch.hris.directory.list()));
await call('hris.directory.list(limit 0)', () => finch.hris.directory.list({ limit: 0, offset: 0 }));
await call('hris.individuals.retrieveMany', () => all(finch.hris.individuals.retrieveMany({ requests: [{ individual_id: person }], options: { include: ['ssn'] } })));
await call('hris.employments.retrieveMany', () => all(finch.hris.employments.retrieveMany({ requests: [{ individual_id: person }] })));

// Payroll
const payments = (await call('hris.payments.list', () => all(finch.hris.payments.list({ start_date: '2025-01-01', end_date: '2025-12-31' })))) ?? [];
const payment = payments[0]?.id ?? 'none';
await call('hris.payStatements.retrieveMany', () => all(finch.hris.payStatements.retrieveMany({ requests: [{ payment_id: payment, limit: 10, offset: 0 }] })));
const items = finch.hris.payStatementItem;
await call('payStatementItem.list', () => all(items.list()));
await call('payStatementItem.list(filters)', () => all(items.list({ categories: ['earnings', 'taxes'], name: 'Salary', start_date: '2024-01-01', end_date: '2025-12-31' })));
const bare = await call('rules.create()', () => items.rules.create());
const rule = await call('rules.create(all)', () => items.rules.create({
  conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }], attributes: { metadata: { gl: '6000' } },
  effective_start_date: '2024-01-01', effective_end_date: '2026-01-01', entity_type: 'pay_statement_item',
}));
await call('rules.list', () => all(items.rules.list()));
if (rule) {
  await call('rules.update()', () => items.rules.update(rule.id));
  await call('rules.update(optionalProperty)', () => items.rules.update(rule.id, { optionalProperty: 'labels' }));
}
if (bare) await call('rules.delete', () => items.rules.delete(bare.id));
const groups = (await call('payroll.payGroups.list', () => all(finch.payroll.payGroups.list()))) ?? [];
await call('payroll.payGroups.list(filters)', () => all(finch.payroll.payGroups.list({ individual_id: person, pay_frequencies: ['bi_weekly'] })));
if (groups.length) await call('payroll.payGroups.retrieve', () => finch.payroll.payGroups.retrieve(groups[0].id));

// Benefits
const benefits = (await call('hris.benefits.list', () => all(finch.hris.benefits.list()))) ?? [];
await call('hris.benefits.listSupportedBenefits', () => all(finch.hris.benefits.listSupportedBenefits()));
await call('hris.benefits.create()', () => finch.hris.benefits.create());
await call('hris.benefits.create(all)', () => finch.hris.benefits.create({
  type: '401k', description: '401(k)', frequency: 'every_paycheck',
  company_contribution: { type: 'match', tiers: [{ match: 5000, threshold: 600 }] },
}));
await call('hris.benefits.register', () => finch.hris.benefits.register({ type: 'fsa_medical', description: 'FSA', frequency: 'monthly' }));
if (benefits.length) {
  const benefit = benefits[0].benefit_id;
  const enrolled = finch.hris.benefits.individuals;
  await call('hris.benefits.retrieve', () => finch.hris.benefits.retrieve(benefit));
  await call('hris.benefits.update()', () => finch.hris.benefits.update(benefit));
  await call('hris.benefits.update(description)', () => finch.hris.benefits.update(benefit, { description: 'renamed' }));
  await call('individuals.enrolledIDs', () => enrolled.enrolledIDs(benefit));
  await call('individuals.retrieveManyBenefits', () => all(enrolled.retrieveManyBenefits(benefit)));
  await call('individuals.retrieveManyBenefits(ids)', () => all(enrolled.retrieveManyBenefits(benefit, { individual_ids: person })));
  await call('individuals.enrollMany()', () => enrolled.enrollMany(benefit));
  await call('individuals.enrollMany(all)', () => enrolled.enrollMany(benefit, { individuals: [{ individual_id: person, configuration: {
    employee_deduction: { type: 'fixed', amount: 10000 }, annual_maximum: null, catch_up: false, effective_date: '2025-01-01',
  } }] }));
  await call('individuals.unenrollMany()', () => enrolled.unenrollMany(benefit));
  const job = await call('individuals.unenrollMany(ids)', () => enrolled.unenrollMany(benefit, { individual_ids: [person] }));
  if (job) await call('jobs.manual.retrieve', () => finch.jobs.manual.retrieve(job.job_id));
}

// Documents, the beta endpoints through the generic client, automated jobs
const documents = await call('hris.documents.list', () => finch.hris.documents.list());
await call('hris.documents.list(filters)', () => finch.hris.documents.list({ individual_ids: [person], types: ['w4_2020', 'w4_2005'], limit: 5, offset: 0 }));
if (documents?.documents?.length) await call('hris.documents.retreive', () => finch.hris.documents.retreive(documents.documents[0].id));
const plans = await call('GET /employer/plans', () => tokenOnly.get('/employer/plans'));
if (plans?.plans?.length) await call('GET /employer/plans/{plan_id}', () => tokenOnly.get(`/employer/plans/${plans.plans[0].id}`));
const enrollments = await call('GET /employer/plans-enrollments', () => tokenOnly.get('/employer/plans-enrollments'));
if (enrollments?.enrollments?.length) {
  await call('POST /employer/plans-enrollments', () => tokenOnly.post('/employer/plans-enrollments', { body: { requests: [{ enrollment_id: enrollments.enrollments[0].id }] } }));
}
const dependents = await call('GET /employer/plans-dependents', () => tokenOnly.get('/employer/plans-dependents'));
if (dependents?.dependents?.length) {
  await call('POST /employer/plans-dependents', () => tokenOnly.post('/employer/plans-dependents', { body: { requests: [{ dependent_id: dependents.dependents[0].dependent_id }] } }));
}
await call('POST /employer/ledger-items', () => tokenOnly.post('/employer/ledger-items', { body: { requests: [{ payment_id: payment }] } }));
await call('jobs.automated.list', () => finch.jobs.automated.list());
const job = await call('jobs.automated.create', () => finch.jobs.automated.create({ type: 'data_sync_all' }));
await call('jobs.automated.create(w4)', () => finch.jobs.automated.create({ type: 'w4_form_employee_sync', params: { individual_id: person } }));
if (job) await call('jobs.automated.retrieve', () => finch.jobs.automated.retrieve(job.job_id));

// Platform (`GET /providers` with the token: the SDK sends it no other way)
await call('providers.list', () => all(finch.providers.list()));
await call('account.introspect', () => finch.account.introspect());
await call('requestForwarding.forward', () => finch.requestForwarding.forward({ method: 'GET', route: '/people' }));
await call('requestForwarding.forward(all)', () => finch.requestForwarding.forward({
  method: 'POST', route: '/people', data: '{"name": "x"}', params: { page: '1' }, headers: { 'x-page': '1' },
}));
await call('accessTokens.create', () => app.accessTokens.create({ code: printed.authorization_code[0] }));
await call('accessTokens.create(redirect_uri)', () => app.accessTokens.create({ code: printed.authorization_code[1], redirect_uri: 'https://example.com/callback' }));
await call('connect.sessions.new', () => app.connect.sessions.new({ customer_id: 'c-1', customer_name: 'Acme', products: ['company'] }));
await call('connect.sessions.new(all)', () => app.connect.sessions.new({
  customer_id: 'c-2', customer_name: 'Acme', products: ['company', 'directory'], customer_email: 'hr@acme.example',
  integration: { auth_method: 'assisted', provider: 'gusto' }, manual: false, minutes_to_expire: 60,
  redirect_uri: 'https://example.com/callback', sandbox: 'finch',
}));
await call('connect.sessions.reauthenticate', () => app.connect.sessions.reauthenticate({ connection_id: printed.connection_id }));

// Sandbox
await call('sandbox.connections.create', () => app.sandbox.connections.create({ provider_id: 'gusto' }));
await call('sandbox.connections.create(all)', () => app.sandbox.connections.create({ provider_id: 'gusto', authentication_type: 'api_token', employee_size: 5, products: ['company'] }));
await call('sandbox.connections.accounts.create', () => app.sandbox.connections.accounts.create({ company_id: printed.company_id, provider_id: 'gusto' }));
await call('sandbox.connections.accounts.update()', () => finch.sandbox.connections.accounts.update());
await call('sandbox.connections.accounts.update(status)', () => finch.sandbox.connections.accounts.update({ connection_status: 'connected' }));
await call('sandbox.company.update', () => finch.sandbox.company.update({
  legal_name: null, entity: null, primary_email: null, primary_phone_number: null, departments: null, ein: null, locations: null, accounts: null,
}));
await call('sandbox.directory.create()', () => finch.sandbox.directory.create());
await call('sandbox.directory.create(body)', () => finch.sandbox.directory.create({ body: [{
  first_name: 'Ada', last_name: 'Lovelace', dob: '1990-12-10', emails: [{ data: 'ada@acme.example', type: 'work' }], is_active: true,
}] }));
await call('sandbox.individual.update()', () => finch.sandbox.individual.update(person));
await call('sandbox.individual.update(fields)', () => finch.sandbox.individual.update(person, { preferred_name: 'Ada', dob: null, emails: [] }));
await call('sandbox.employment.update()', () => finch.sandbox.employment.update(person));
await call('sandbox.employment.update(fields)', () => finch.sandbox.employment.update(person, { title: 'CTO', class_code: null }));
await call('sandbox.payment.create()', () => finch.sandbox.payment.create());
await call('sandbox.payment.create(all)', () => finch.sandbox.payment.create({ start_date: '2025-11-01', end_date: '2025-11-15', pay_statements: [{
  individual_id: person, type: 'regular_payroll', payment_method: 'direct_deposit', total_hours: 80, gross_pay: 500000, net_pay: 400000,
  earnings: [{ amount: 500000, name: 'Salary', type: 'salary', hours: 80 }],
  taxes: [{ amount: 50000, name: 'FICA', type: 'fica', employer: false }],
}] }));
await call('sandbox.jobs.create', () => finch.sandbox.jobs.create({ type: 'data_sync_all' }));
await call('sandbox.jobs.configuration.retrieve', () => finch.sandbox.jobs.configuration.retrieve());
await call('sandbox.jobs.configuration.update', () => finch.sandbox.jobs.configuration.update({ completion_status: 'complete', type: 'data_sync_all' }));

// Last, as they end the connection's access.
await call('account.disconnectEntity', () => finch.account.disconnectEntity({ entity_ids: [entity] }));
await call('account.disconnect', () => finch.account.disconnect());

child.kill();
console.log(`Node SDK against the stand-in: ${calls} calls, ${failures.length} failure(s)`);
for (const failure of failures) console.log(`FAIL ${failure}`);
process.exit(failures.length ? 1 : 0);
