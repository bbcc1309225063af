import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, DateInput, Radios, Textarea, TextInput } from '../../components/fields';
import { usePage } from '../../lib/page';
import { EmergencyNumbers } from '../Emergency';
import { CATEGORIES, CHANNELS, FREQUENCIES, PAGES } from './model';
import { useStep } from './useStep';
import { MAX, validateAbout, validateDanger, validateDate, validateUpdates, validateWhat, validateWhen, validateWhere } from './validation';

const Back = ({ to }: { to: string }) => (
  <Link to={to} className="govuk-back-link">
    Back
  </Link>
);

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const DANGER_QUESTION = 'Is anyone in immediate danger, or is the crime happening now?';

export function DangerPage() {
  const navigate = useNavigate();
  const s = useStep(DANGER_QUESTION, validateDanger, PAGES.topic);
  return (
    <>
      <Back to="/" />
      <ErrorSummary errors={s.errors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (s.data.anyoneInDanger === 'yes') navigate(PAGES.stop);
          else s.onSubmit(e);
        }}
      >
        <Radios
          name="anyoneInDanger"
          legend={DANGER_QUESTION}
          legendIsHeading
          h1Ref={s.h1}
          hint="For example, someone is hurt or being threatened, or the person who did it is still there."
          options={YES_NO}
          value={s.data.anyoneInDanger}
          onChange={(v) => s.update({ anyoneInDanger: v })}
          error={s.err('anyoneInDanger')}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}

export function StopPage() {
  const h1 = usePage('Call 999 now');
  return (
    <>
      <Back to={PAGES.danger} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Call 999 now
      </h1>
      <p className="govuk-body-l">Do not report this online. We will not see it quickly enough.</p>
      <EmergencyNumbers />
    </>
  );
}

export function WhatPage() {
  const s = useStep('What happened?', validateWhat, PAGES.where);
  return (
    <>
      <Back to={PAGES.topic} />
      <ErrorSummary errors={s.errors} />
      <h1 className="govuk-heading-l" ref={s.h1} tabIndex={-1}>
        What happened?
      </h1>
      <form noValidate onSubmit={s.onSubmit}>
        <Radios
          name="category"
          legend="What are you reporting?"
          options={CATEGORIES}
          value={s.data.category}
          onChange={(v) => s.update({ category: v })}
          error={s.err('category')}
        />
        <Textarea
          id="description"
          label="Tell us what happened"
          hint="Include what you saw or heard, who was involved, and anything that was damaged or taken."
          maxLength={MAX.description}
          value={s.data.description}
          onChange={(v) => s.update({ description: v })}
          error={s.err('description')}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}

export function WherePage() {
  const s = useStep('Where did it happen?', validateWhere, PAGES.when);
  return (
    <>
      <Back to={PAGES.what} />
      <ErrorSummary errors={s.errors} />
      <form noValidate onSubmit={s.onSubmit}>
        <TextInput
          id="location"
          label="Where did it happen?"
          labelIsHeading
          h1Ref={s.h1}
          hint="For example, an address, a street and town, or a landmark."
          value={s.data.location}
          onChange={(v) => s.update({ location: v })}
          error={s.err('location')}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}

export function WhenPage() {
  const s = useStep('When did it happen?', validateWhen, PAGES.about);
  const dateError = s.errors.length ? validateDate(s.data, new Date()) : null;
  const now = new Date();
  return (
    <>
      <Back to={PAGES.where} />
      <ErrorSummary errors={s.errors} />
      <h1 className="govuk-heading-l" ref={s.h1} tabIndex={-1}>
        When did it happen?
      </h1>
      <form noValidate onSubmit={s.onSubmit}>
        <DateInput
          id="occurredOn"
          legend="Date"
          hint={`If you are not sure, give your best guess. For example, ${now.getDate()} ${now.getMonth() + 1} ${now.getFullYear()}`}
          value={{ day: s.data.day, month: s.data.month, year: s.data.year }}
          onChange={(d) => s.update(d)}
          error={s.err('occurredOn')}
          errorParts={dateError?.parts}
        />
        <TextInput
          id="occurredTime"
          label="Time (optional)"
          hint="For example, around 3pm, or between 10pm and midnight"
          width="govuk-input--width-20"
          value={s.data.occurredTime}
          onChange={(v) => s.update({ occurredTime: v })}
          error={s.err('occurredTime')}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}

export function AboutPage() {
  const s = useStep('About you', validateAbout, PAGES.updates);
  return (
    <>
      <Back to={PAGES.when} />
      <ErrorSummary errors={s.errors} />
      <h1 className="govuk-heading-l" ref={s.h1} tabIndex={-1}>
        About you
      </h1>
      <p className="govuk-body">You can report without giving your name.</p>
      <form noValidate onSubmit={s.onSubmit}>
        <Radios
          name="giveName"
          legend="Do you want to give your name?"
          options={[
            {
              value: 'yes',
              label: 'Yes',
              conditional: (
                <TextInput
                  id="name"
                  label="Full name"
                  autoComplete="name"
                  spellCheck={false}
                  value={s.data.name}
                  onChange={(v) => s.update({ name: v })}
                  error={s.err('name')}
                />
              ),
            },
            { value: 'no', label: 'No, report without my name' },
          ]}
          value={s.data.giveName}
          onChange={(v) => s.update({ giveName: v })}
          error={s.err('giveName')}
        />
        <h2 className="govuk-heading-m">Contact details (optional)</h2>
        <p className="govuk-body">We only use these to contact you about this report.</p>
        <TextInput
          id="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={s.data.email}
          onChange={(v) => s.update({ email: v })}
          error={s.err('email')}
        />
        <TextInput
          id="phone"
          label="UK phone number"
          hint="For example, 07700 900 982"
          type="tel"
          autoComplete="tel"
          width="govuk-input--width-20"
          value={s.data.phone}
          onChange={(v) => s.update({ phone: v })}
          error={s.err('phone')}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}

export function UpdatesPage() {
  const s = useStep('Updates about your report', validateUpdates, PAGES.check);
  const phoneInput = (
    <TextInput
      id="updatePhone"
      label="UK phone number"
      type="tel"
      autoComplete="tel"
      width="govuk-input--width-20"
      value={s.data.phone}
      onChange={(v) => s.update({ phone: v })}
      error={s.err('updatePhone')}
    />
  );
  const conditional: Record<string, ReactNode> = {
    EMAIL: (
      <TextInput
        id="updateEmail"
        label="Email address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        value={s.data.email}
        onChange={(v) => s.update({ email: v })}
        error={s.err('updateEmail')}
      />
    ),
    SMS: phoneInput,
    PHONE: phoneInput,
  };
  return (
    <>
      <Back to={PAGES.about} />
      <ErrorSummary errors={s.errors} />
      <h1 className="govuk-heading-l" ref={s.h1} tabIndex={-1}>
        Updates about your report
      </h1>
      <p className="govuk-body">You choose how and how often we update you. You can change this at any time.</p>
      <form noValidate onSubmit={s.onSubmit}>
        <Radios
          name="updateChannel"
          legend="How do you want to get updates?"
          options={CHANNELS.map((c) => ({ ...c, conditional: conditional[c.value] }))}
          value={s.data.updateChannel}
          onChange={(v) => s.update({ updateChannel: v })}
          error={s.err('updateChannel')}
        />
        <Radios
          name="updateFrequency"
          legend="How often do you want updates?"
          hint="We will always tell you about key decisions, such as whether your report will be investigated."
          options={FREQUENCIES}
          value={s.data.updateFrequency}
          onChange={(v) => s.update({ updateFrequency: v })}
          error={s.err('updateFrequency')}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}
