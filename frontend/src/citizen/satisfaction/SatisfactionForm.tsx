import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import type { RequestOf } from '../../api/contract';
import { Button, Radios, Textarea } from '../../components/fields';
import { useT } from '../../i18n';
import { fieldErrors, type FieldError } from '../../lib/http';
import limits from '../../api/limits.json';

export type SatisfactionAnswer = RequestOf<'/api/v1/cases/{reference}/satisfaction', 'post'>;

const MAX_COMMENT = limits.SatisfactionRequest.comment;

const ANSWERS = ['VERY_SATISFIED', 'SATISFIED', 'NEITHER', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;

export function validateSatisfaction(answer: { satisfaction: string; comment: string }, t: TFunction): FieldError[] {
  const errors: FieldError[] = [];
  if (!answer.satisfaction) errors.push({ field: 'satisfaction', message: t('satisfaction.required') });
  if (answer.comment.length > MAX_COMMENT) errors.push({ field: 'comment', message: t('satisfaction.tooLong', { max: MAX_COMMENT }) });
  return errors;
}

/** Radios from very satisfied to very dissatisfied, and what could be better: sent once. */
export function SatisfactionForm({ send, setErrors }: { send: (answer: SatisfactionAnswer) => Promise<void>; setErrors: (e: FieldError[]) => void }) {
  const t = useT();
  const [satisfaction, setSatisfaction] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setOwn] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const show = (e: FieldError[]) => (setOwn(e), setErrors(e));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSatisfaction({ satisfaction, comment }, t);
    show(found);
    if (found.length || busy) return;
    setBusy(true);
    try {
      await send({ satisfaction: satisfaction as SatisfactionAnswer['satisfaction'], comment: comment.trim() || undefined });
    } catch (e) {
      show(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  };
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <form noValidate onSubmit={submit} data-testid="satisfaction-form">
      <Radios
        name="satisfaction"
        legend={t('satisfaction.question')}
        options={ANSWERS.map((value) => ({ value, label: t(`satisfaction.${value}`) }))}
        value={satisfaction}
        onChange={setSatisfaction}
        error={err('satisfaction')}
      />
      <Textarea
        id="comment"
        label={t('satisfaction.comment')}
        hint={t('satisfaction.commentHint')}
        maxLength={MAX_COMMENT}
        rows={5}
        value={comment}
        onChange={setComment}
        error={err('comment')}
      />
      <Button>{t('satisfaction.send')}</Button>
    </form>
  );
}
