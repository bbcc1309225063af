import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, DateInput, Radios, Textarea, TextInput } from '../../components/fields';
import { usePage } from '../../lib/page';
import { EmergencyNumbers } from '../Emergency';
import { useDangerOptions } from '../DangerQuestion';
import { useLanguage, useT } from '../../i18n';
import { PAGES, useChoices } from './model';
import { useStep } from './useStep';
import { MAX, validateAbout, validateDanger, validateDate, validateUpdates, validateWhat, validateWhen, validateWhere } from './validation';

function Back({ to }: { to: string }) {
  const t = useT();
  return (
    <Link to={to} className="govuk-back-link">
      {t('common.back')}
    </Link>
  );
}

export function DangerPage() {
  const t = useT();
  const navigate = useNavigate();
  const options = useDangerOptions();
  const s = useStep(t('danger.question'), validateDanger, PAGES.topic);
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
          legend={t('danger.question')}
          legendIsHeading
          h1Ref={s.h1}
          hint={t('danger.hint')}
          options={options}
          value={s.data.anyoneInDanger}
          onChange={(v) => s.update({ anyoneInDanger: v })}
          error={s.err('anyoneInDanger')}
        />
        <Button>{t('common.continue')}</Button>
      </form>
    </>
  );
}

export function StopPage() {
  const t = useT();
  const h1 = usePage(t('stop.title'));
  return (
    <>
      <Back to={PAGES.danger} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {t('stop.title')}
      </h1>
      <p className="govuk-body-l">{t('stop.text')}</p>
      <EmergencyNumbers />
    </>
  );
}

export function WhatPage() {
  const t = useT();
  const { categories } = useChoices();
  const s = useStep(t('report.whatTitle'), validateWhat, PAGES.where);
  return (
    <>
      <Back to={PAGES.topic} />
      <ErrorSummary errors={s.errors} />
      <h1 className="govuk-heading-l" ref={s.h1} tabIndex={-1}>
        {t('report.whatTitle')}
      </h1>
      <form noValidate onSubmit={s.onSubmit}>
        <Radios
          name="category"
          legend={t('report.categoryLegend')}
          options={categories}
          value={s.data.category}
          onChange={(v) => s.update({ category: v })}
          error={s.err('category')}
        />
        <Textarea
          id="description"
          label={t('report.descriptionLabel')}
          hint={t('report.descriptionHint')}
          maxLength={MAX.description}
          value={s.data.description}
          onChange={(v) => s.update({ description: v })}
          error={s.err('description')}
        />
        <Button>{t('common.continue')}</Button>
      </form>
    </>
  );
}

export function WherePage() {
  const t = useT();
  const s = useStep(t('report.whereTitle'), validateWhere, PAGES.when);
  return (
    <>
      <Back to={PAGES.what} />
      <ErrorSummary errors={s.errors} />
      <form noValidate onSubmit={s.onSubmit}>
        <TextInput
          id="location"
          label={t('report.whereTitle')}
          labelIsHeading
          h1Ref={s.h1}
          hint={t('report.whereHint')}
          value={s.data.location}
          onChange={(v) => s.update({ location: v })}
          error={s.err('location')}
        />
        <Button>{t('common.continue')}</Button>
      </form>
    </>
  );
}

export function WhenPage() {
  const t = useT();
  const s = useStep(t('report.whenTitle'), validateWhen, PAGES.about);
  const dateError = s.errors.length ? validateDate(s.data, new Date()) : null;
  const now = new Date();
  return (
    <>
      <Back to={PAGES.where} />
      <ErrorSummary errors={s.errors} />
      <h1 className="govuk-heading-l" ref={s.h1} tabIndex={-1}>
        {t('report.whenTitle')}
      </h1>
      <form noValidate onSubmit={s.onSubmit}>
        <DateInput
          id="occurredOn"
          legend={t('report.dateLegend')}
          hint={t('report.dateHint', { example: `${now.getDate()} ${now.getMonth() + 1} ${now.getFullYear()}` })}
          value={{ day: s.data.day, month: s.data.month, year: s.data.year }}
          onChange={(d) => s.update(d)}
          error={s.err('occurredOn')}
          errorParts={dateError?.parts}
        />
        <TextInput
          id="occurredTime"
          label={t('report.timeLabel')}
          hint={t('report.timeHint')}
          width="govuk-input--width-20"
          value={s.data.occurredTime}
          onChange={(v) => s.update({ occurredTime: v })}
          error={s.err('occurredTime')}
        />
        <Button>{t('common.continue')}</Button>
      </form>
    </>
  );
}

export function AboutPage() {
  const t = useT();
  const s = useStep(t('report.aboutTitle'), validateAbout, PAGES.updates);
  return (
    <>
      <Back to={PAGES.when} />
      <ErrorSummary errors={s.errors} />
      <h1 className="govuk-heading-l" ref={s.h1} tabIndex={-1}>
        {t('report.aboutTitle')}
      </h1>
      <p className="govuk-body">{t('report.anonymous')}</p>
      <form noValidate onSubmit={s.onSubmit}>
        <Radios
          name="giveName"
          legend={t('report.giveNameLegend')}
          options={[
            {
              value: 'yes',
              label: t('report.giveNameYes'),
              conditional: (
                <TextInput
                  id="name"
                  label={t('report.fullName')}
                  autoComplete="name"
                  spellCheck={false}
                  value={s.data.name}
                  onChange={(v) => s.update({ name: v })}
                  error={s.err('name')}
                />
              ),
            },
            { value: 'no', label: t('report.giveNameNo') },
          ]}
          value={s.data.giveName}
          onChange={(v) => s.update({ giveName: v })}
          error={s.err('giveName')}
        />
        <h2 className="govuk-heading-m">{t('report.contactHeading')}</h2>
        <p className="govuk-body">{t('report.contactText')}</p>
        <TextInput
          id="email"
          label={t('report.email')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={s.data.email}
          onChange={(v) => s.update({ email: v })}
          error={s.err('email')}
        />
        <TextInput
          id="phone"
          label={t('report.phone')}
          hint={t('report.phoneHint')}
          type="tel"
          autoComplete="tel"
          width="govuk-input--width-20"
          value={s.data.phone}
          onChange={(v) => s.update({ phone: v })}
          error={s.err('phone')}
        />
        <Button>{t('common.continue')}</Button>
      </form>
    </>
  );
}

export function UpdatesPage() {
  const t = useT();
  const { channels, frequencies } = useChoices();
  const s = useStep(t('report.updatesTitle'), validateUpdates, PAGES.check);
  const phoneInput = (
    <TextInput
      id="updatePhone"
      label={t('report.phone')}
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
        label={t('report.email')}
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
        {t('report.updatesTitle')}
      </h1>
      <p className="govuk-body">{t('report.updatesIntro')}</p>
      <UpdatesLanguage />
      <form noValidate onSubmit={s.onSubmit}>
        <Radios
          name="updateChannel"
          legend={t('report.channelLegend')}
          options={channels.map((c) => ({ ...c, conditional: conditional[c.value] }))}
          value={s.data.updateChannel}
          onChange={(v) => s.update({ updateChannel: v })}
          error={s.err('updateChannel')}
        />
        <Radios
          name="updateFrequency"
          legend={t('report.frequencyLegend')}
          hint={t('report.frequencyHint')}
          options={frequencies}
          value={s.data.updateFrequency}
          onChange={(v) => s.update({ updateFrequency: v })}
          error={s.err('updateFrequency')}
        />
        <Button>{t('common.continue')}</Button>
      </form>
    </>
  );
}

/** Updates go in the language of the pages the citizen sends the form from: the page says which. */
export function UpdatesLanguage() {
  const t = useT();
  const language = useLanguage();
  return (
    <p className="govuk-inset-text" data-testid="updates-language" data-language={language}>
      {t('report.inLanguage')}
    </p>
  );
}
