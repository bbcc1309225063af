import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { CitizenLayout, Layout } from './components/Layout';
import { usePage } from './lib/page';
import { useT } from './i18n';
import { StartPage } from './citizen/StartPage';
import { CheckPage, ConfirmationPage } from './citizen/report/CheckPage';
import { ReportProvider } from './citizen/report/ReportContext';
import { AboutPage, DangerPage, StopPage, UpdatesPage, WhatPage, WhenPage, WherePage } from './citizen/report/Steps';
import { CallbackConfirmationPage, CallbackDangerPage, CallbackDetailsPage, CallbackProvider } from './citizen/callback/CallbackPages';
import { ChatDangerPage, ChatDetailsPage, ChatLivePage, ChatProvider } from './citizen/chat/ChatPages';
import { TrackPage } from './citizen/track/TrackPage';
import { ElsewherePage, TopicPage } from './citizen/report/Topic';
import { FeedbackPage } from './citizen/satisfaction/FeedbackPage';
import { CitizenReportsPage } from './staff/citizenreports/CitizenReports';
import { ConsolePage } from './staff/Console';
import { RequirePage, RequireRole, SignInPage, StaffArea, StaffHome } from './staff/StaffPages';
import { isAdmin, isAuditor, isRetentionReviewer } from './staff/roles';
import { DataProtectionPage } from './staff/dataprotection/DataProtection';
import { DeadLettersPage } from './staff/deadletters/DeadLetters';
import { AccessLogPage } from './staff/audit/AccessLog';
import { AuditHomePage } from './staff/audit/AuditHome';
import { CaseAuditPage } from './staff/audit/CaseAudit';
import { EventLogPage } from './staff/audit/EventLog';
import { IntegrityPage } from './staff/audit/Integrity';
import { ReplayPage } from './staff/audit/Replay';
import { SupervisorPage } from './staff/Supervisor';
import { ReportsPage } from './staff/reports/Reports';
import { CannedResponsesPage } from './staff/canned/CannedResponses';
import { VictimsCodeLedgerPage } from './staff/ledger/VictimsCodeLedger';
import { WhatIfPage } from './staff/whatif/WhatIf';
import { PlanningPage } from './staff/planning/PlanningPage';
import { ContactPage } from './staff/Workspace';
import { CasesPage } from './staff/cases/Cases';
import { FiguresPage } from './citizen/figures/Figures';
import { CaseViewPage } from './staff/cases/CaseView';
import { RetentionReviewsPage } from './staff/retention/RetentionReviews';
import { RepliesPage } from './staff/replies/Replies';

export function App() {
  return (
    <ReportProvider>
      <ChatProvider>
        <CallbackProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route element={<CitizenLayout />}>
                <Route index element={<StartPage />} />
                <Route path="report">
                  <Route index element={<Navigate to="danger" replace />} />
                  <Route path="danger" element={<DangerPage />} />
                  <Route path="call-999" element={<StopPage />} />
                  <Route path="topic" element={<TopicPage />} />
                  <Route path="elsewhere" element={<ElsewherePage />} />
                  <Route path="what-happened" element={<WhatPage />} />
                  <Route path="where" element={<WherePage />} />
                  <Route path="when" element={<WhenPage />} />
                  <Route path="about-you" element={<AboutPage />} />
                  <Route path="updates" element={<UpdatesPage />} />
                  <Route path="check" element={<CheckPage />} />
                  <Route path="confirmation" element={<ConfirmationPage />} />
                </Route>
                <Route path="track" element={<TrackPage />} />
                <Route path="figures" element={<FiguresPage />} />
                <Route path="feedback" element={<FeedbackPage />} />
                <Route path="chat">
                  <Route index element={<ChatDangerPage />} />
                  <Route path="details" element={<ChatDetailsPage />} />
                  <Route path="live" element={<ChatLivePage />} />
                </Route>
                <Route path="callback">
                  <Route index element={<CallbackDangerPage />} />
                  <Route path="details" element={<CallbackDetailsPage />} />
                  <Route path="confirmation" element={<CallbackConfirmationPage />} />
                </Route>
              </Route>
              <Route path="staff">
                <Route path="sign-in" element={<SignInPage />} />
                <Route element={<StaffArea />}>
                  {/* Case workers start at the queues, auditors in the audit area. */}
                  <Route index element={<StaffHome />} />
                  {/* The queues are case work; auditors read cases, contacts and the dashboard. */}
                  <Route element={<RequirePage />}>
                    <Route path="queue" element={<ConsolePage />} />
                    <Route path="supervisor" element={<SupervisorPage />} />
                    <Route path="supervisor/canned-responses" element={<CannedResponsesPage />} />
                    <Route path="supervisor/victims-code" element={<VictimsCodeLedgerPage />} />
                    <Route path="supervisor/signposting-and-satisfaction" element={<CitizenReportsPage />} />
                    <Route path="supervisor/reports" element={<ReportsPage />} />
                    <Route path="supervisor/what-if" element={<WhatIfPage />} />
                    <Route path="supervisor/planning" element={<PlanningPage />} />
                    <Route path="contacts/:contactId" element={<ContactPage />} />
                    <Route path="cases" element={<CasesPage />} />
                    <Route path="cases/:reference" element={<CaseViewPage />} />
                    <Route path="replies" element={<RepliesPage />} />
                  </Route>
                  {/* Auditors and administrators only: everyone else gets "You cannot see this page". */}
                  <Route path="audit" element={<RequireRole allowed={isAuditor} />}>
                    <Route index element={<AuditHomePage />} />
                    <Route path="cases/:reference" element={<CaseAuditPage />} />
                    <Route path="log" element={<EventLogPage />} />
                    <Route path="replay" element={<ReplayPage />} />
                    <Route path="integrity" element={<IntegrityPage />} />
                    <Route path="access" element={<AccessLogPage />} />
                  </Route>
                  {/* Erasure and subject access: administrators only, auditors included get the refusal. */}
                  <Route path="data-protection" element={<RequireRole allowed={isAdmin} />}>
                    <Route index element={<DataProtectionPage />} />
                  </Route>
                  <Route path="retention" element={<RequireRole allowed={isRetentionReviewer} />}>
                    <Route index element={<RetentionReviewsPage />} />
                  </Route>
                  <Route path="dead-letters" element={<RequireRole allowed={isAdmin} />}>
                    <Route index element={<DeadLettersPage />} />
                  </Route>
                </Route>
              </Route>
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </CallbackProvider>
      </ChatProvider>
    </ReportProvider>
  );
}

function NotFound() {
  const t = useT();
  const h1 = usePage(t('notFound.title'));
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p className="govuk-body">{t('notFound.typed')}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          {t('common.goToStart')}
        </Link>
      </p>
    </>
  );
}
