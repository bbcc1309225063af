import { useState, type FormEvent } from 'react';
import type { RequestOf } from '../../api/contract';
import { Button, Radios, Textarea } from '../../components/fields';
import { fieldErrors, type FieldError } from '../../lib/http';
import limits from '../../api/limits.json';

export type SatisfactionAnswer = RequestOf<'/api/v1/cases/{reference}/satisfaction', 'post'>;

const MAX_COMMENT = limits.SatisfactionRequest.comment;

/** The GOV.UK feedback pattern's words, together for the Welsh pass. */
export const COPY = {
  question: 'Overall, how did you feel about the way we handled your report?',
  options: [
    { value: 'VERY_SATISFIED', label: 'Very satisfied' },
    { value: 'SATISFIED', label: 'Satisfied' },
    { value: 'NEITHER', label: 'Neither satisfied or dissatisfied' },
    { value: 'DISSATISFIED', label: 'Dissatisfied' },
    { value: 'VERY_DISSATISFIED', label: 'Very dissatisfied' },
  ],
  required: 'Select how satisfied you were',
  comment: 'How could we improve? (optional)',
  commentHint: 'Do not include personal or financial information, like your bank details. Do not use this to report a crime.',
  tooLong: `Your comments must be ${MAX_COMMENT} characters or fewer`,
  send: 'Send feedback',
};

export function validateSatisfaction(answer: { satisfaction: string; comment: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (!answer.satisfaction) errors.push({ field: 'satisfaction', message: COPY.required });
  if (answer.comment.length > MAX_COMMENT) errors.push({ field: 'comment', message: COPY.tooLong });
  return errors;
}

/** Radios from very satisfied to very dissatisfied, and what could be better: sent once. */
export function SatisfactionForm({ send, setErrors }: { send: (answer: SatisfactionAnswer) => Promise<void>; setErrors: (e: FieldError[]) => void }) {
  const [satisfaction, setSatisfaction] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setOwn] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const show = (e: FieldError[]) => (setOwn(e), setErrors(e));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSatisfaction({ satisfaction, comment });
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
        legend={COPY.question}
        options={COPY.options}
        value={satisfaction}
        onChange={setSatisfaction}
        error={err('satisfaction')}
      />
      <Textarea
        id="comment"
        label={COPY.comment}
        hint={COPY.commentHint}
        maxLength={MAX_COMMENT}
        rows={5}
        value={comment}
        onChange={setComment}
        error={err('comment')}
      />
      <Button>{COPY.send}</Button>
    </form>
  );
}
