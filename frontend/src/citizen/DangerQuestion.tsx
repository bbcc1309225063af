import { useState } from 'react';
import type { FieldError } from '../lib/http';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, Radios } from '../components/fields';
import { useT } from '../i18n';
import { usePage } from '../lib/page';
import { PAGES } from './report/model';

/** The yes and no of the 999 question, in the words its language answers it with ("Oes", "Nac oes"). */
export const useDangerOptions = () => {
  const t = useT();
  return [
    { value: 'yes', label: t('danger.yes') },
    { value: 'no', label: t('danger.no') },
  ];
};

/** The 999 screen every channel asks first; "Yes" goes to the report's stop page. */
export function DangerQuestion({ next }: { next: string }) {
  const t = useT();
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage(t('danger.question'), errors.length > 0);
  const navigate = useNavigate();
  const options = useDangerOptions();
  return (
    <>
      <Link to="/" className="govuk-back-link">
        {t('common.back')}
      </Link>
      <ErrorSummary errors={errors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!answer) setErrors([{ field: 'anyoneInDanger', message: t('danger.required') }]);
          else navigate(answer === 'yes' ? PAGES.stop : next);
        }}
      >
        <Radios
          name="anyoneInDanger"
          legend={t('danger.question')}
          legendIsHeading
          h1Ref={h1}
          hint={t('danger.hint')}
          options={options}
          value={answer}
          onChange={setAnswer}
          error={errors[0]?.message}
        />
        <Button>{t('common.continue')}</Button>
      </form>
    </>
  );
}
