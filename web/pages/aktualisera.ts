// Aktualisera insats (`/aktualisera`, for a kvl): a form generated from aktualiseringSchema, parsed
// with it and started through the API's own command (api/insats-commands.ts), which checks the
// role, the id and the rules (eligibility, dates) as POST /api/insatser does. Not under
// /insatser/: `ny` is a valid insats id.
import { Router, type RequestHandler, type Response } from 'express';
import type { InsatsCommands } from '../../api/insats-commands';
import { HttpProblem } from '../../api/problem';
import { aktualiseringSchema } from '../../domain';
import { fieldViews } from '../forms/field-views';
import { fieldErrors, noErrors, type FormErrors } from '../forms/field-errors';
import { objectFrom, type FormBody } from '../forms/form-values';
import { fieldsOf } from '../forms/schema-fields';
import { renderPage } from '../render';
import { pageSessionOf, requirePageRole, requireSession } from '../session';

const FIELDS = fieldsOf(aktualiseringSchema);
const FORM_ID = 'aktualisera';

/** The API's refusal beside the fields it names (`body.kund.alder` → `kund.alder`), the rest above the form. */
function errorsOf(problem: HttpProblem): FormErrors {
  const errors = noErrors();
  if (problem.status === 409) errors.fields.id = 'Id:t kan inte användas. Välj ett annat id.';
  else if (problem.status === 403) errors.general.push(`Du får inte aktualisera insatsen: ${problem.detail}.`);
  else {
    for (const param of problem.invalidParams) {
      const path = param.path.replace(/^body\./, '');
      errors.fields[path] = errors.fields[path] ? `${errors.fields[path]} ${param.reason}.` : `Godtas inte: ${param.reason}.`;
    }
    errors.general.push(`Reglerna godtar inte aktualiseringen: ${problem.detail}.`);
  }
  return errors;
}

export function aktualiseraPage({ page, commands }: { page: RequestHandler[]; commands: InsatsCommands }) {
  const router = Router();

  function show(response: Response, posted: FormBody, errors: FormErrors, status = 200) {
    const session = pageSessionOf(response);
    const view = { csrf: session.csrf, errors: errors.general, fields: fieldViews(FIELDS, { formId: FORM_ID, posted, errors: errors.fields }) };
    renderPage(response, 'aktualisera', view, { title: 'Aktualisera insats', session, current: 'aktualisera' }, status);
  }

  // Only a kvl aktualiserar; to anyone else the page does not exist.
  router.all('/aktualisera', ...page, requireSession, requirePageRole('aktualisera'));

  router.get('/aktualisera', (_request, response) => {
    const { kvl } = pageSessionOf(response).caller;
    show(response, kvl ? { kvl } : {}, noErrors());
  });

  router.post('/aktualisera', async (request, response) => {
    const body = request.body as FormBody;
    const value = objectFrom(FIELDS, body) ?? {};
    const parsed = aktualiseringSchema.safeParse(value);
    if (!parsed.success) return show(response, body, fieldErrors(parsed.error.issues, FIELDS, value), 400);
    try {
      const started = await commands.aktualisera(pageSessionOf(response).caller, parsed.data);
      response.redirect(303, `/insatser/${encodeURIComponent(started.id)}?aktualiserad=ja`);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      show(response, body, errorsOf(error), error.status);
    }
  });

  return router;
}
