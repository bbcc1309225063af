import { useState } from 'react';
import type { FieldError } from '../lib/http';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, Radios } from '../components/fields';
import { usePage } from '../lib/page';
import { PAGES } from './report/model';

const QUESTION = 'Is anyone in immediate danger, or is the crime happening now?';

/** The 999 screen every channel asks first; "Yes" goes to the report's stop page. */
export function DangerQuestion({ next }: { next: string }) {
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage(QUESTION, errors.length > 0);
  const navigate = useNavigate();
  return (
    <>
      <Link to="/" className="govuk-back-link">
        Back
      </Link>
      <ErrorSummary errors={errors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!answer) setErrors([{ field: 'anyoneInDanger', message: 'Select yes if anyone is in immediate danger or the crime is happening now' }]);
          else navigate(answer === 'yes' ? PAGES.stop : next);
        }}
      >
        <Radios
          name="anyoneInDanger"
          legend={QUESTION}
          legendIsHeading
          h1Ref={h1}
          hint="For example, someone is hurt or being threatened, or the person who did it is still there."
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={answer}
          onChange={setAnswer}
          error={errors[0]?.message}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}
