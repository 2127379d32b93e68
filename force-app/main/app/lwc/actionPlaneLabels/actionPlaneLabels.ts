/**
 * actionPlaneLabels — every word the approver's components show, from Custom Labels (app/labels), so admins can
 * translate them in Setup. Generated alongside CustomLabels.labels-meta.xml: keep both in step.
 */
import actionsInRun from '@salesforce/label/c.ActionPlane_ActionsInRun';
import any from '@salesforce/label/c.ActionPlane_Any';
import appliedAt from '@salesforce/label/c.ActionPlane_AppliedAt';
import approvals from '@salesforce/label/c.ActionPlane_Approvals';
import approvalsOf from '@salesforce/label/c.ActionPlane_ApprovalsOf';
import approve from '@salesforce/label/c.ActionPlane_Approve';
import approveCount from '@salesforce/label/c.ActionPlane_ApproveCount';
import approveSelected from '@salesforce/label/c.ActionPlane_ApproveSelected';
import approveWithEdits from '@salesforce/label/c.ActionPlane_ApproveWithEdits';
import auditEvents from '@salesforce/label/c.ActionPlane_AuditEvents';
import blank from '@salesforce/label/c.ActionPlane_Blank';
import blankOption from '@salesforce/label/c.ActionPlane_BlankOption';
import bulkActions from '@salesforce/label/c.ActionPlane_BulkActions';
import cancel from '@salesforce/label/c.ActionPlane_Cancel';
import cancelEdit from '@salesforce/label/c.ActionPlane_CancelEdit';
import cannotDecide from '@salesforce/label/c.ActionPlane_CannotDecide';
import chainBroken from '@salesforce/label/c.ActionPlane_ChainBroken';
import chainBrokenAt from '@salesforce/label/c.ActionPlane_ChainBrokenAt';
import chainVerified from '@salesforce/label/c.ActionPlane_ChainVerified';
import changedSincePlan from '@salesforce/label/c.ActionPlane_ChangedSincePlan';
import close from '@salesforce/label/c.ActionPlane_Close';
import colAction from '@salesforce/label/c.ActionPlane_ColAction';
import colAfter from '@salesforce/label/c.ActionPlane_ColAfter';
import colAge from '@salesforce/label/c.ActionPlane_ColAge';
import colAgent from '@salesforce/label/c.ActionPlane_ColAgent';
import colApplied from '@salesforce/label/c.ActionPlane_ColApplied';
import colBadges from '@salesforce/label/c.ActionPlane_ColBadges';
import colBefore from '@salesforce/label/c.ActionPlane_ColBefore';
import colChange from '@salesforce/label/c.ActionPlane_ColChange';
import colChanges from '@salesforce/label/c.ActionPlane_ColChanges';
import colConfidence from '@salesforce/label/c.ActionPlane_ColConfidence';
import colCurrent from '@salesforce/label/c.ActionPlane_ColCurrent';
import colExpires from '@salesforce/label/c.ActionPlane_ColExpires';
import colField from '@salesforce/label/c.ActionPlane_ColField';
import colObject from '@salesforce/label/c.ActionPlane_ColObject';
import colRecord from '@salesforce/label/c.ActionPlane_ColRecord';
import colRule from '@salesforce/label/c.ActionPlane_ColRule';
import colStatus from '@salesforce/label/c.ActionPlane_ColStatus';
import confirm from '@salesforce/label/c.ActionPlane_Confirm';
import conflictExplained from '@salesforce/label/c.ActionPlane_ConflictExplained';
import daysEarlier from '@salesforce/label/c.ActionPlane_DaysEarlier';
import daysLater from '@salesforce/label/c.ActionPlane_DaysLater';
import decide from '@salesforce/label/c.ActionPlane_Decide';
import decisions from '@salesforce/label/c.ActionPlane_Decisions';
import diffCaption from '@salesforce/label/c.ActionPlane_DiffCaption';
import editNotBoolean from '@salesforce/label/c.ActionPlane_EditNotBoolean';
import editNotDate from '@salesforce/label/c.ActionPlane_EditNotDate';
import editNotDateTime from '@salesforce/label/c.ActionPlane_EditNotDateTime';
import editNotEmail from '@salesforce/label/c.ActionPlane_EditNotEmail';
import editNotId from '@salesforce/label/c.ActionPlane_EditNotId';
import editNotInPicklist from '@salesforce/label/c.ActionPlane_EditNotInPicklist';
import editNotNumber from '@salesforce/label/c.ActionPlane_EditNotNumber';
import editNotPhone from '@salesforce/label/c.ActionPlane_EditNotPhone';
import editNotUrl from '@salesforce/label/c.ActionPlane_EditNotUrl';
import editNotWhole from '@salesforce/label/c.ActionPlane_EditNotWhole';
import editThenApprove from '@salesforce/label/c.ActionPlane_EditThenApprove';
import editTooManyDecimals from '@salesforce/label/c.ActionPlane_EditTooManyDecimals';
import editedFrom from '@salesforce/label/c.ActionPlane_EditedFrom';
import effectAutoRun from '@salesforce/label/c.ActionPlane_EffectAutoRun';
import effectBlock from '@salesforce/label/c.ActionPlane_EffectBlock';
import effectRequireApproval from '@salesforce/label/c.ActionPlane_EffectRequireApproval';
import emptyBody from '@salesforce/label/c.ActionPlane_EmptyBody';
import emptyTitle from '@salesforce/label/c.ActionPlane_EmptyTitle';
import error from '@salesforce/label/c.ActionPlane_Error';
import errorChooseAction from '@salesforce/label/c.ActionPlane_ErrorChooseAction';
import errorEditOneOnly from '@salesforce/label/c.ActionPlane_ErrorEditOneOnly';
import errorNoReason from '@salesforce/label/c.ActionPlane_ErrorNoReason';
import evidence from '@salesforce/label/c.ActionPlane_Evidence';
import expired from '@salesforce/label/c.ActionPlane_Expired';
import expiresIn from '@salesforce/label/c.ActionPlane_ExpiresIn';
import fieldChanges from '@salesforce/label/c.ActionPlane_FieldChanges';
import filters from '@salesforce/label/c.ActionPlane_Filters';
import fromBlank from '@salesforce/label/c.ActionPlane_FromBlank';
import goal from '@salesforce/label/c.ActionPlane_Goal';
import haltExplained from '@salesforce/label/c.ActionPlane_HaltExplained';
import haltNeedsReason from '@salesforce/label/c.ActionPlane_HaltNeedsReason';
import haltRun from '@salesforce/label/c.ActionPlane_HaltRun';
import hash from '@salesforce/label/c.ActionPlane_Hash';
import helpApprove from '@salesforce/label/c.ActionPlane_HelpApprove';
import helpClosed from '@salesforce/label/c.ActionPlane_HelpClosed';
import helpEdit from '@salesforce/label/c.ActionPlane_HelpEdit';
import helpEscape from '@salesforce/label/c.ActionPlane_HelpEscape';
import helpHelp from '@salesforce/label/c.ActionPlane_HelpHelp';
import helpMove from '@salesforce/label/c.ActionPlane_HelpMove';
import helpOpen from '@salesforce/label/c.ActionPlane_HelpOpen';
import helpOpened from '@salesforce/label/c.ActionPlane_HelpOpened';
import helpReject from '@salesforce/label/c.ActionPlane_HelpReject';
import helpReview from '@salesforce/label/c.ActionPlane_HelpReview';
import helpSelect from '@salesforce/label/c.ActionPlane_HelpSelect';
import hideReview from '@salesforce/label/c.ActionPlane_HideReview';
import inboxCaption from '@salesforce/label/c.ActionPlane_InboxCaption';
import inboxTitle from '@salesforce/label/c.ActionPlane_InboxTitle';
import keyboardHelp from '@salesforce/label/c.ActionPlane_KeyboardHelp';
import loadFailed from '@salesforce/label/c.ActionPlane_LoadFailed';
import loading from '@salesforce/label/c.ActionPlane_Loading';
import mine from '@salesforce/label/c.ActionPlane_Mine';
import movesBackward from '@salesforce/label/c.ActionPlane_MovesBackward';
import movesForward from '@salesforce/label/c.ActionPlane_MovesForward';
import newValueFor from '@salesforce/label/c.ActionPlane_NewValueFor';
import next from '@salesforce/label/c.ActionPlane_Next';
import no from '@salesforce/label/c.ActionPlane_No';
import noActionChosen from '@salesforce/label/c.ActionPlane_NoActionChosen';
import noEvents from '@salesforce/label/c.ActionPlane_NoEvents';
import noFieldChanges from '@salesforce/label/c.ActionPlane_NoFieldChanges';
import nothingToDecide from '@salesforce/label/c.ActionPlane_NothingToDecide';
import pageOf from '@salesforce/label/c.ActionPlane_PageOf';
import showMoreRows from '@salesforce/label/c.ActionPlane_ShowMoreRows';
import percentPoints from '@salesforce/label/c.ActionPlane_PercentPoints';
import policyDecision from '@salesforce/label/c.ActionPlane_PolicyDecision';
import previous from '@salesforce/label/c.ActionPlane_Previous';
import rationale from '@salesforce/label/c.ActionPlane_Rationale';
import reason from '@salesforce/label/c.ActionPlane_Reason';
import reasonOptional from '@salesforce/label/c.ActionPlane_ReasonOptional';
import reasonPlaceholder from '@salesforce/label/c.ActionPlane_ReasonPlaceholder';
import reasonRequired from '@salesforce/label/c.ActionPlane_ReasonRequired';
import reasons from '@salesforce/label/c.ActionPlane_Reasons';
import recordActionsEmpty from '@salesforce/label/c.ActionPlane_RecordActionsEmpty';
import recordActionsTitle from '@salesforce/label/c.ActionPlane_RecordActionsTitle';
import refresh from '@salesforce/label/c.ActionPlane_Refresh';
import reject from '@salesforce/label/c.ActionPlane_Reject';
import rejectCount from '@salesforce/label/c.ActionPlane_RejectCount';
import rejectNeedsReason from '@salesforce/label/c.ActionPlane_RejectNeedsReason';
import rejectSelected from '@salesforce/label/c.ActionPlane_RejectSelected';
import replan from '@salesforce/label/c.ActionPlane_Replan';
import replayEffect from '@salesforce/label/c.ActionPlane_ReplayEffect';
import replayNoneDiffer from '@salesforce/label/c.ActionPlane_ReplayNoneDiffer';
import replayRun from '@salesforce/label/c.ActionPlane_ReplayRun';
import replaySomeDiffer from '@salesforce/label/c.ActionPlane_ReplaySomeDiffer';
import retry from '@salesforce/label/c.ActionPlane_Retry';
import revert from '@salesforce/label/c.ActionPlane_Revert';
import revertNeedsReason from '@salesforce/label/c.ActionPlane_RevertNeedsReason';
import revertReason from '@salesforce/label/c.ActionPlane_RevertReason';
import review from '@salesforce/label/c.ActionPlane_Review';
import reviewOpened from '@salesforce/label/c.ActionPlane_ReviewOpened';
import reviewTitle from '@salesforce/label/c.ActionPlane_ReviewTitle';
import risk from '@salesforce/label/c.ActionPlane_Risk';
import rowAnnouncement from '@salesforce/label/c.ActionPlane_RowAnnouncement';
import rowSelected from '@salesforce/label/c.ActionPlane_RowSelected';
import rowUnselected from '@salesforce/label/c.ActionPlane_RowUnselected';
import run from '@salesforce/label/c.ActionPlane_Run';
import same from '@salesforce/label/c.ActionPlane_Same';
import selectAll from '@salesforce/label/c.ActionPlane_SelectAll';
import selectRow from '@salesforce/label/c.ActionPlane_SelectRow';
import selectedCount from '@salesforce/label/c.ActionPlane_SelectedCount';
import spanDays from '@salesforce/label/c.ActionPlane_SpanDays';
import spanHours from '@salesforce/label/c.ActionPlane_SpanHours';
import spanMinutes from '@salesforce/label/c.ActionPlane_SpanMinutes';
import statusApplied from '@salesforce/label/c.ActionPlane_StatusApplied';
import statusApproved from '@salesforce/label/c.ActionPlane_StatusApproved';
import statusAutoApproved from '@salesforce/label/c.ActionPlane_StatusAutoApproved';
import statusBlocked from '@salesforce/label/c.ActionPlane_StatusBlocked';
import statusCancelled from '@salesforce/label/c.ActionPlane_StatusCancelled';
import statusCompensated from '@salesforce/label/c.ActionPlane_StatusCompensated';
import statusConflict from '@salesforce/label/c.ActionPlane_StatusConflict';
import statusExpired from '@salesforce/label/c.ActionPlane_StatusExpired';
import statusFailed from '@salesforce/label/c.ActionPlane_StatusFailed';
import statusOpen from '@salesforce/label/c.ActionPlane_StatusOpen';
import statusPendingApproval from '@salesforce/label/c.ActionPlane_StatusPendingApproval';
import runStatusOpen from '@salesforce/label/c.ActionPlane_RunStatusOpen';
import runStatusAwaitingApproval from '@salesforce/label/c.ActionPlane_RunStatusAwaitingApproval';
import runStatusCompleted from '@salesforce/label/c.ActionPlane_RunStatusCompleted';
import runStatusPartiallyApplied from '@salesforce/label/c.ActionPlane_RunStatusPartiallyApplied';
import runStatusHalted from '@salesforce/label/c.ActionPlane_RunStatusHalted';
import statusProposed from '@salesforce/label/c.ActionPlane_StatusProposed';
import statusRejected from '@salesforce/label/c.ActionPlane_StatusRejected';
import statusSuperseded from '@salesforce/label/c.ActionPlane_StatusSuperseded';
import storedEffect from '@salesforce/label/c.ActionPlane_StoredEffect';
import timelineTitle from '@salesforce/label/c.ActionPlane_TimelineTitle';
import toastApproved from '@salesforce/label/c.ActionPlane_ToastApproved';
import toastApprovedCount from '@salesforce/label/c.ActionPlane_ToastApprovedCount';
import toastDecisionFailed from '@salesforce/label/c.ActionPlane_ToastDecisionFailed';
import toastHaltFailed from '@salesforce/label/c.ActionPlane_ToastHaltFailed';
import toastHalted from '@salesforce/label/c.ActionPlane_ToastHalted';
import toastHaltedCount from '@salesforce/label/c.ActionPlane_ToastHaltedCount';
import toastNewAction from '@salesforce/label/c.ActionPlane_ToastNewAction';
import toastNowStatus from '@salesforce/label/c.ActionPlane_ToastNowStatus';
import toastRejected from '@salesforce/label/c.ActionPlane_ToastRejected';
import toastRejectedCount from '@salesforce/label/c.ActionPlane_ToastRejectedCount';
import toastReplanFailed from '@salesforce/label/c.ActionPlane_ToastReplanFailed';
import toastReplanned from '@salesforce/label/c.ActionPlane_ToastReplanned';
import toastReplayFailed from '@salesforce/label/c.ActionPlane_ToastReplayFailed';
import toastRevertFailed from '@salesforce/label/c.ActionPlane_ToastRevertFailed';
import toastRevertProposed from '@salesforce/label/c.ActionPlane_ToastRevertProposed';
import toastSomeFailed from '@salesforce/label/c.ActionPlane_ToastSomeFailed';
import triageList from '@salesforce/label/c.ActionPlane_TriageList';
import verdict from '@salesforce/label/c.ActionPlane_Verdict';
import wouldDiffer from '@salesforce/label/c.ActionPlane_WouldDiffer';
import yes from '@salesforce/label/c.ActionPlane_Yes';

/** The label texts by short name. */
export const LABELS = {
  actionsInRun,
  any,
  appliedAt,
  approvals,
  approvalsOf,
  approve,
  approveCount,
  approveSelected,
  approveWithEdits,
  auditEvents,
  blank,
  blankOption,
  bulkActions,
  cancel,
  cancelEdit,
  cannotDecide,
  chainBroken,
  chainBrokenAt,
  chainVerified,
  changedSincePlan,
  close,
  colAction,
  colAfter,
  colAge,
  colAgent,
  colApplied,
  colBadges,
  colBefore,
  colChange,
  colChanges,
  colConfidence,
  colCurrent,
  colExpires,
  colField,
  colObject,
  colRecord,
  colRule,
  colStatus,
  confirm,
  conflictExplained,
  daysEarlier,
  daysLater,
  decide,
  decisions,
  diffCaption,
  editNotBoolean,
  editNotDate,
  editNotDateTime,
  editNotEmail,
  editNotId,
  editNotInPicklist,
  editNotNumber,
  editNotPhone,
  editNotUrl,
  editNotWhole,
  editThenApprove,
  editTooManyDecimals,
  editedFrom,
  effectAutoRun,
  effectBlock,
  effectRequireApproval,
  emptyBody,
  emptyTitle,
  error,
  errorChooseAction,
  errorEditOneOnly,
  errorNoReason,
  evidence,
  expired,
  expiresIn,
  fieldChanges,
  filters,
  fromBlank,
  goal,
  haltExplained,
  haltNeedsReason,
  haltRun,
  hash,
  helpApprove,
  helpClosed,
  helpEdit,
  helpEscape,
  helpHelp,
  helpMove,
  helpOpen,
  helpOpened,
  helpReject,
  helpReview,
  helpSelect,
  hideReview,
  inboxCaption,
  inboxTitle,
  keyboardHelp,
  loadFailed,
  loading,
  mine,
  movesBackward,
  movesForward,
  newValueFor,
  next,
  no,
  noActionChosen,
  noEvents,
  noFieldChanges,
  nothingToDecide,
  pageOf,
  showMoreRows,
  percentPoints,
  policyDecision,
  previous,
  rationale,
  reason,
  reasonOptional,
  reasonPlaceholder,
  reasonRequired,
  reasons,
  recordActionsEmpty,
  recordActionsTitle,
  refresh,
  reject,
  rejectCount,
  rejectNeedsReason,
  rejectSelected,
  replan,
  replayEffect,
  replayNoneDiffer,
  replayRun,
  replaySomeDiffer,
  retry,
  revert,
  revertNeedsReason,
  revertReason,
  review,
  reviewOpened,
  reviewTitle,
  risk,
  rowAnnouncement,
  rowSelected,
  rowUnselected,
  run,
  same,
  selectAll,
  selectRow,
  selectedCount,
  spanDays,
  spanHours,
  spanMinutes,
  statusApplied,
  statusApproved,
  statusAutoApproved,
  statusBlocked,
  statusCancelled,
  statusCompensated,
  statusConflict,
  statusExpired,
  statusFailed,
  statusOpen,
  statusPendingApproval,
  runStatusOpen,
  runStatusAwaitingApproval,
  runStatusCompleted,
  runStatusPartiallyApplied,
  runStatusHalted,
  statusProposed,
  statusRejected,
  statusSuperseded,
  storedEffect,
  timelineTitle,
  toastApproved,
  toastApprovedCount,
  toastDecisionFailed,
  toastHaltFailed,
  toastHalted,
  toastHaltedCount,
  toastNewAction,
  toastNowStatus,
  toastRejected,
  toastRejectedCount,
  toastReplanFailed,
  toastReplanned,
  toastReplayFailed,
  toastRevertFailed,
  toastRevertProposed,
  toastSomeFailed,
  triageList,
  verdict,
  wouldDiffer,
  yes,
} as const;

/** A label with {0}, {1}, … replaced by the arguments (the platform's own placeholder style). */
export function formatLabel(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
