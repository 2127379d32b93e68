/**
 * actionPlaneLabels — every word the approver's components show, from Custom Labels (app/labels), so admins can
 * translate them in Setup. Labels only the Apex controller reads (ActionPlane_Explain*, ActionPlane_Edit* sentences)
 * are not imported here. Keep this list and CustomLabels.labels-meta.xml in step (the labels test checks both ways).
 */
import actionsInRun from '@salesforce/label/c.ActionPlane_ActionsInRun';
import ageOld from '@salesforce/label/c.ActionPlane_AgeOld';
import allRules from '@salesforce/label/c.ActionPlane_AllRules';
import any from '@salesforce/label/c.ActionPlane_Any';
import appliedAsApproved from '@salesforce/label/c.ActionPlane_AppliedAsApproved';
import appliedAsApprovedAt from '@salesforce/label/c.ActionPlane_AppliedAsApprovedAt';
import appliedAutomatically from '@salesforce/label/c.ActionPlane_AppliedAutomatically';
import approvals from '@salesforce/label/c.ActionPlane_Approvals';
import approvalsOf from '@salesforce/label/c.ActionPlane_ApprovalsOf';
import approvalsOfOne from '@salesforce/label/c.ActionPlane_ApprovalsOfOne';
import approve from '@salesforce/label/c.ActionPlane_Approve';
import approveCount from '@salesforce/label/c.ActionPlane_ApproveCount';
import approveCountOne from '@salesforce/label/c.ActionPlane_ApproveCountOne';
import approveSelected from '@salesforce/label/c.ActionPlane_ApproveSelected';
import approveWithEdits from '@salesforce/label/c.ActionPlane_ApproveWithEdits';
import auditEvents from '@salesforce/label/c.ActionPlane_AuditEvents';
import blank from '@salesforce/label/c.ActionPlane_Blank';
import blankOption from '@salesforce/label/c.ActionPlane_BlankOption';
import bulkActions from '@salesforce/label/c.ActionPlane_BulkActions';
import bulkNoneDecidable from '@salesforce/label/c.ActionPlane_BulkNoneDecidable';
import bulkSkips from '@salesforce/label/c.ActionPlane_BulkSkips';
import bulkWillDecide from '@salesforce/label/c.ActionPlane_BulkWillDecide';
import cancel from '@salesforce/label/c.ActionPlane_Cancel';
import cancelEdit from '@salesforce/label/c.ActionPlane_CancelEdit';
import cannotDecide from '@salesforce/label/c.ActionPlane_CannotDecide';
import cannotDecideRow from '@salesforce/label/c.ActionPlane_CannotDecideRow';
import chainBroken from '@salesforce/label/c.ActionPlane_ChainBroken';
import chainBrokenAt from '@salesforce/label/c.ActionPlane_ChainBrokenAt';
import chainVerified from '@salesforce/label/c.ActionPlane_ChainVerified';
import changedSinceApplied from '@salesforce/label/c.ActionPlane_ChangedSinceApplied';
import changedSincePlan from '@salesforce/label/c.ActionPlane_ChangedSincePlan';
import close from '@salesforce/label/c.ActionPlane_Close';
import colAction from '@salesforce/label/c.ActionPlane_ColAction';
import colAfter from '@salesforce/label/c.ActionPlane_ColAfter';
import colAge from '@salesforce/label/c.ActionPlane_ColAge';
import colAgent from '@salesforce/label/c.ActionPlane_ColAgent';
import colApplied from '@salesforce/label/c.ActionPlane_ColApplied';
import colBefore from '@salesforce/label/c.ActionPlane_ColBefore';
import colChange from '@salesforce/label/c.ActionPlane_ColChange';
import colChanges from '@salesforce/label/c.ActionPlane_ColChanges';
import colConfidence from '@salesforce/label/c.ActionPlane_ColConfidence';
import colCurrent from '@salesforce/label/c.ActionPlane_ColCurrent';
import colExpires from '@salesforce/label/c.ActionPlane_ColExpires';
import colField from '@salesforce/label/c.ActionPlane_ColField';
import colNewValue from '@salesforce/label/c.ActionPlane_ColNewValue';
import colNow from '@salesforce/label/c.ActionPlane_ColNow';
import colObject from '@salesforce/label/c.ActionPlane_ColObject';
import colRecord from '@salesforce/label/c.ActionPlane_ColRecord';
import colRemovedValue from '@salesforce/label/c.ActionPlane_ColRemovedValue';
import colRestoredValue from '@salesforce/label/c.ActionPlane_ColRestoredValue';
import colRisk from '@salesforce/label/c.ActionPlane_ColRisk';
import colRule from '@salesforce/label/c.ActionPlane_ColRule';
import colStatus from '@salesforce/label/c.ActionPlane_ColStatus';
import confidenceOf from '@salesforce/label/c.ActionPlane_ConfidenceOf';
import confirm from '@salesforce/label/c.ActionPlane_Confirm';
import confirmReject from '@salesforce/label/c.ActionPlane_ConfirmReject';
import conflictExplained from '@salesforce/label/c.ActionPlane_ConflictExplained';
import daysEarlier from '@salesforce/label/c.ActionPlane_DaysEarlier';
import daysLater from '@salesforce/label/c.ActionPlane_DaysLater';
import decide from '@salesforce/label/c.ActionPlane_Decide';
import decisions from '@salesforce/label/c.ActionPlane_Decisions';
import diffCaption from '@salesforce/label/c.ActionPlane_DiffCaption';
import diffCreated from '@salesforce/label/c.ActionPlane_DiffCreated';
import diffCreates from '@salesforce/label/c.ActionPlane_DiffCreates';
import diffDeleted from '@salesforce/label/c.ActionPlane_DiffDeleted';
import diffDeletes from '@salesforce/label/c.ActionPlane_DiffDeletes';
import diffRestored from '@salesforce/label/c.ActionPlane_DiffRestored';
import diffRestores from '@salesforce/label/c.ActionPlane_DiffRestores';
import draftRestored from '@salesforce/label/c.ActionPlane_DraftRestored';
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
import eventActionProposed from '@salesforce/label/c.ActionPlane_EventActionProposed';
import eventApplied from '@salesforce/label/c.ActionPlane_EventApplied';
import eventApprovalRecorded from '@salesforce/label/c.ActionPlane_EventApprovalRecorded';
import eventApprovalRequested from '@salesforce/label/c.ActionPlane_EventApprovalRequested';
import eventApproved from '@salesforce/label/c.ActionPlane_EventApproved';
import eventApproverGroupNotFound from '@salesforce/label/c.ActionPlane_EventApproverGroupNotFound';
import eventCompensationRequested from '@salesforce/label/c.ActionPlane_EventCompensationRequested';
import eventConflictDetected from '@salesforce/label/c.ActionPlane_EventConflictDetected';
import eventEditedByApprover from '@salesforce/label/c.ActionPlane_EventEditedByApprover';
import eventExecutionFailed from '@salesforce/label/c.ActionPlane_EventExecutionFailed';
import eventPolicyDecided from '@salesforce/label/c.ActionPlane_EventPolicyDecided';
import eventRejected from '@salesforce/label/c.ActionPlane_EventRejected';
import eventRunHalted from '@salesforce/label/c.ActionPlane_EventRunHalted';
import eventRunReplayed from '@salesforce/label/c.ActionPlane_EventRunReplayed';
import eventRunStarted from '@salesforce/label/c.ActionPlane_EventRunStarted';
import eventStatusChanged from '@salesforce/label/c.ActionPlane_EventStatusChanged';
import evidence from '@salesforce/label/c.ActionPlane_Evidence';
import expired from '@salesforce/label/c.ActionPlane_Expired';
import expiredExplained from '@salesforce/label/c.ActionPlane_ExpiredExplained';
import expiresIn from '@salesforce/label/c.ActionPlane_ExpiresIn';
import failedExplained from '@salesforce/label/c.ActionPlane_FailedExplained';
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
import helpUndo from '@salesforce/label/c.ActionPlane_HelpUndo';
import hideReview from '@salesforce/label/c.ActionPlane_HideReview';
import inboxCaption from '@salesforce/label/c.ActionPlane_InboxCaption';
import inboxTitle from '@salesforce/label/c.ActionPlane_InboxTitle';
import inboxUpdated from '@salesforce/label/c.ActionPlane_InboxUpdated';
import keyboardHelp from '@salesforce/label/c.ActionPlane_KeyboardHelp';
import liveChanged from '@salesforce/label/c.ActionPlane_LiveChanged';
import liveOff from '@salesforce/label/c.ActionPlane_LiveOff';
import loadFailed from '@salesforce/label/c.ActionPlane_LoadFailed';
import loading from '@salesforce/label/c.ActionPlane_Loading';
import markNew from '@salesforce/label/c.ActionPlane_MarkNew';
import markRemoved from '@salesforce/label/c.ActionPlane_MarkRemoved';
import markRestored from '@salesforce/label/c.ActionPlane_MarkRestored';
import mine from '@salesforce/label/c.ActionPlane_Mine';
import moreValues from '@salesforce/label/c.ActionPlane_MoreValues';
import movesBackward from '@salesforce/label/c.ActionPlane_MovesBackward';
import movesBackwardOne from '@salesforce/label/c.ActionPlane_MovesBackwardOne';
import movesForward from '@salesforce/label/c.ActionPlane_MovesForward';
import movesForwardOne from '@salesforce/label/c.ActionPlane_MovesForwardOne';
import newRecord from '@salesforce/label/c.ActionPlane_NewRecord';
import newValueFor from '@salesforce/label/c.ActionPlane_NewValueFor';
import next from '@salesforce/label/c.ActionPlane_Next';
import no from '@salesforce/label/c.ActionPlane_No';
import noActionChosen from '@salesforce/label/c.ActionPlane_NoActionChosen';
import noEvents from '@salesforce/label/c.ActionPlane_NoEvents';
import noFieldChanges from '@salesforce/label/c.ActionPlane_NoFieldChanges';
import notYours from '@salesforce/label/c.ActionPlane_NotYours';
import notYoursNoGroup from '@salesforce/label/c.ActionPlane_NotYoursNoGroup';
import nothingToDecide from '@salesforce/label/c.ActionPlane_NothingToDecide';
import nothingToEditInDelete from '@salesforce/label/c.ActionPlane_NothingToEditInDelete';
import openAction from '@salesforce/label/c.ActionPlane_OpenAction';
import operationCreate from '@salesforce/label/c.ActionPlane_OperationCreate';
import operationDelete from '@salesforce/label/c.ActionPlane_OperationDelete';
import operationRestore from '@salesforce/label/c.ActionPlane_OperationRestore';
import operationUpdate from '@salesforce/label/c.ActionPlane_OperationUpdate';
import outcomeAlreadyDecided from '@salesforce/label/c.ActionPlane_OutcomeAlreadyDecided';
import outcomeAlreadyStatus from '@salesforce/label/c.ActionPlane_OutcomeAlreadyStatus';
import outcomeApplied from '@salesforce/label/c.ActionPlane_OutcomeApplied';
import outcomeNotApplied from '@salesforce/label/c.ActionPlane_OutcomeNotApplied';
import outcomeNotYetApplied from '@salesforce/label/c.ActionPlane_OutcomeNotYetApplied';
import outcomeRefused from '@salesforce/label/c.ActionPlane_OutcomeRefused';
import outcomeRejected from '@salesforce/label/c.ActionPlane_OutcomeRejected';
import outcomeWaitingMany from '@salesforce/label/c.ActionPlane_OutcomeWaitingMany';
import outcomeWaitingOne from '@salesforce/label/c.ActionPlane_OutcomeWaitingOne';
import ownProposal from '@salesforce/label/c.ActionPlane_OwnProposal';
import pageOf from '@salesforce/label/c.ActionPlane_PageOf';
import pageOfOne from '@salesforce/label/c.ActionPlane_PageOfOne';
import pendingApproveIn from '@salesforce/label/c.ActionPlane_PendingApproveIn';
import pendingRejectIn from '@salesforce/label/c.ActionPlane_PendingRejectIn';
import percentPoints from '@salesforce/label/c.ActionPlane_PercentPoints';
import policyDecision from '@salesforce/label/c.ActionPlane_PolicyDecision';
import previewChecking from '@salesforce/label/c.ActionPlane_PreviewChecking';
import previewFailed from '@salesforce/label/c.ActionPlane_PreviewFailed';
import previous from '@salesforce/label/c.ActionPlane_Previous';
import progressFrom from '@salesforce/label/c.ActionPlane_ProgressFrom';
import proposedBy from '@salesforce/label/c.ActionPlane_ProposedBy';
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
import rejectCountOne from '@salesforce/label/c.ActionPlane_RejectCountOne';
import rejectNeedsReason from '@salesforce/label/c.ActionPlane_RejectNeedsReason';
import rejectReasonLabel from '@salesforce/label/c.ActionPlane_RejectReasonLabel';
import rejectSelected from '@salesforce/label/c.ActionPlane_RejectSelected';
import relatedCompensatedBy from '@salesforce/label/c.ActionPlane_RelatedCompensatedBy';
import relatedCompensates from '@salesforce/label/c.ActionPlane_RelatedCompensates';
import relatedRetriedBy from '@salesforce/label/c.ActionPlane_RelatedRetriedBy';
import relatedRetryOf from '@salesforce/label/c.ActionPlane_RelatedRetryOf';
import relatedSupersededBy from '@salesforce/label/c.ActionPlane_RelatedSupersededBy';
import relatedSupersedes from '@salesforce/label/c.ActionPlane_RelatedSupersedes';
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
import reviewFullScreen from '@salesforce/label/c.ActionPlane_ReviewFullScreen';
import reviewOpened from '@salesforce/label/c.ActionPlane_ReviewOpened';
import reviewTitle from '@salesforce/label/c.ActionPlane_ReviewTitle';
import risk from '@salesforce/label/c.ActionPlane_Risk';
import rowAnnouncement from '@salesforce/label/c.ActionPlane_RowAnnouncement';
import rowSelected from '@salesforce/label/c.ActionPlane_RowSelected';
import rowUnselected from '@salesforce/label/c.ActionPlane_RowUnselected';
import run from '@salesforce/label/c.ActionPlane_Run';
import runStatusAwaitingApproval from '@salesforce/label/c.ActionPlane_RunStatusAwaitingApproval';
import runStatusCompleted from '@salesforce/label/c.ActionPlane_RunStatusCompleted';
import runStatusHalted from '@salesforce/label/c.ActionPlane_RunStatusHalted';
import runStatusOpen from '@salesforce/label/c.ActionPlane_RunStatusOpen';
import runStatusPartiallyApplied from '@salesforce/label/c.ActionPlane_RunStatusPartiallyApplied';
import same from '@salesforce/label/c.ActionPlane_Same';
import sameAsBefore from '@salesforce/label/c.ActionPlane_SameAsBefore';
import selectAll from '@salesforce/label/c.ActionPlane_SelectAll';
import selectRow from '@salesforce/label/c.ActionPlane_SelectRow';
import selectedCount from '@salesforce/label/c.ActionPlane_SelectedCount';
import sendNow from '@salesforce/label/c.ActionPlane_SendNow';
import showMoreRows from '@salesforce/label/c.ActionPlane_ShowMoreRows';
import spanDays from '@salesforce/label/c.ActionPlane_SpanDays';
import spanHours from '@salesforce/label/c.ActionPlane_SpanHours';
import spanMinutes from '@salesforce/label/c.ActionPlane_SpanMinutes';
import stalePlan from '@salesforce/label/c.ActionPlane_StalePlan';
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
import toastHaltedCountOne from '@salesforce/label/c.ActionPlane_ToastHaltedCountOne';
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
import undo from '@salesforce/label/c.ActionPlane_Undo';
import undone from '@salesforce/label/c.ActionPlane_Undone';
import verdict from '@salesforce/label/c.ActionPlane_Verdict';
import wouldDiffer from '@salesforce/label/c.ActionPlane_WouldDiffer';
import yes from '@salesforce/label/c.ActionPlane_Yes';
import youApproved from '@salesforce/label/c.ActionPlane_YouApproved';

/** The label texts by short name. */
export const LABELS = {
  actionsInRun,
  ageOld,
  allRules,
  any,
  appliedAsApproved,
  appliedAsApprovedAt,
  appliedAutomatically,
  approvals,
  approvalsOf,
  approvalsOfOne,
  approve,
  approveCount,
  approveCountOne,
  approveSelected,
  approveWithEdits,
  auditEvents,
  blank,
  blankOption,
  bulkActions,
  bulkNoneDecidable,
  bulkSkips,
  bulkWillDecide,
  cancel,
  cancelEdit,
  cannotDecide,
  cannotDecideRow,
  chainBroken,
  chainBrokenAt,
  chainVerified,
  changedSinceApplied,
  changedSincePlan,
  close,
  colAction,
  colAfter,
  colAge,
  colAgent,
  colApplied,
  colBefore,
  colChange,
  colChanges,
  colConfidence,
  colCurrent,
  colExpires,
  colField,
  colNewValue,
  colNow,
  colObject,
  colRecord,
  colRemovedValue,
  colRestoredValue,
  colRisk,
  colRule,
  colStatus,
  confidenceOf,
  confirm,
  confirmReject,
  conflictExplained,
  daysEarlier,
  daysLater,
  decide,
  decisions,
  diffCaption,
  diffCreated,
  diffCreates,
  diffDeleted,
  diffDeletes,
  diffRestored,
  diffRestores,
  draftRestored,
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
  eventActionProposed,
  eventApplied,
  eventApprovalRecorded,
  eventApprovalRequested,
  eventApproved,
  eventApproverGroupNotFound,
  eventCompensationRequested,
  eventConflictDetected,
  eventEditedByApprover,
  eventExecutionFailed,
  eventPolicyDecided,
  eventRejected,
  eventRunHalted,
  eventRunReplayed,
  eventRunStarted,
  eventStatusChanged,
  evidence,
  expired,
  expiredExplained,
  expiresIn,
  failedExplained,
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
  helpUndo,
  hideReview,
  inboxCaption,
  inboxTitle,
  inboxUpdated,
  keyboardHelp,
  liveChanged,
  liveOff,
  loadFailed,
  loading,
  markNew,
  markRemoved,
  markRestored,
  mine,
  moreValues,
  movesBackward,
  movesBackwardOne,
  movesForward,
  movesForwardOne,
  newRecord,
  newValueFor,
  next,
  no,
  noActionChosen,
  noEvents,
  noFieldChanges,
  notYours,
  notYoursNoGroup,
  nothingToDecide,
  nothingToEditInDelete,
  openAction,
  operationCreate,
  operationDelete,
  operationRestore,
  operationUpdate,
  outcomeAlreadyDecided,
  outcomeAlreadyStatus,
  outcomeApplied,
  outcomeNotApplied,
  outcomeNotYetApplied,
  outcomeRefused,
  outcomeRejected,
  outcomeWaitingMany,
  outcomeWaitingOne,
  ownProposal,
  pageOf,
  pageOfOne,
  pendingApproveIn,
  pendingRejectIn,
  percentPoints,
  policyDecision,
  previewChecking,
  previewFailed,
  previous,
  progressFrom,
  proposedBy,
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
  rejectCountOne,
  rejectNeedsReason,
  rejectReasonLabel,
  rejectSelected,
  relatedCompensatedBy,
  relatedCompensates,
  relatedRetriedBy,
  relatedRetryOf,
  relatedSupersededBy,
  relatedSupersedes,
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
  reviewFullScreen,
  reviewOpened,
  reviewTitle,
  risk,
  rowAnnouncement,
  rowSelected,
  rowUnselected,
  run,
  runStatusAwaitingApproval,
  runStatusCompleted,
  runStatusHalted,
  runStatusOpen,
  runStatusPartiallyApplied,
  same,
  sameAsBefore,
  selectAll,
  selectRow,
  selectedCount,
  sendNow,
  showMoreRows,
  spanDays,
  spanHours,
  spanMinutes,
  stalePlan,
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
  toastHaltedCountOne,
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
  undo,
  undone,
  verdict,
  wouldDiffer,
  yes,
  youApproved,
} as const;

/** A label with {0}, {1}, … replaced by the arguments (the platform's own placeholder style). */
export function formatLabel(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/** The label for a count: `one` when it is exactly 1, else `many`, with {0}, {1}, … replaced by the arguments. */
export function pluralLabel(count: number, one: string, many: string, ...args: (string | number)[]): string {
  return formatLabel(count === 1 ? one : many, ...args);
}
