import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { PAGES, type ReportData } from './model';
import { useReport } from './ReportContext';

/** Shared behaviour of a question page: validate on Continue, never advance with errors. */
export function useStep(title: string, validate: (r: ReportData) => FieldError[], next: string) {
  const { data, update } = useReport();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage(title, errors.length > 0);
  const navigate = useNavigate();
  const { hash } = useLocation();
  const [params] = useSearchParams();
  const changing = params.has('change');

  // A "Change" or error link from the check page lands on the field itself.
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.focus();
  }, [hash]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(data);
    setErrors(found);
    if (!found.length) navigate(changing ? PAGES.check : next);
  };
  const err = (field: string) => errors.find((e) => e.field === field || e.field.startsWith(`${field}-`))?.message;
  return { data, update, errors, h1, onSubmit, err, changing };
}
