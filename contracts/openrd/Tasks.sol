// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ITasks} from "./ITasks.sol";
import {Escrow} from "./Escrow.sol";
import {OpenmeshAdminOwned} from "../common/OpenmeshAdmin.sol";

/// @notice OpenR&D tasks: a manager escrows a budget, contributors apply, the manager accepts
/// applications, an accepted applicant takes the task, submits work, and an accepted submission
/// pays the executor and refunds the rest to the creator.
/// @dev Every state-changing function is nonReentrant and closes/updates the task before any
/// funds move (budget tokens and reward recipients are caller-chosen, so they may call back).
contract Tasks is ITasks, ReentrancyGuardTransient, OpenmeshAdminOwned {
    using SafeERC20 for IERC20;

    /// @notice `cancelTask`'s answer when the task was cancelled at once (no request created).
    uint8 internal constant NO_REQUEST = type(uint8).max;

    /// @notice The escrow that every task's escrow is a minimal-proxy clone of.
    address internal immutable escrowImplementation;

    uint256 internal taskCounter;
    mapping(uint256 taskId => OffChainTask) private tasks;

    constructor() {
        Escrow implementation = new Escrow();
        // Owned by this contract, so nobody else can initialize the implementation itself.
        implementation.__Escrow_init();
        escrowImplementation = address(implementation);
    }

    // ---------------------------------------------------------------- views

    function taskCount() external view returns (uint256) {
        return taskCounter;
    }

    function getTask(uint256 _taskId) public view returns (OffChainTask memory offchainTask) {
        offchainTask = _getTask(_taskId);
    }

    function getTasks(uint256[] calldata _taskIds) external view returns (OffChainTask[] memory) {
        OffChainTask[] memory result = new OffChainTask[](_taskIds.length);
        for (uint256 i; i < _taskIds.length; ++i) {
            result[i] = _getTask(_taskIds[i]);
        }
        return result;
    }

    // ---------------------------------------------------------------- lifecycle

    function createTask(
        string calldata _metadata,
        uint64 _deadline,
        address _manager,
        address _disputeManager,
        ERC20Transfer[] calldata _budget,
        PreapprovedApplication[] calldata _preapprove
    ) external payable nonReentrant returns (uint256 taskId) {
        uint96 nativeBudget = _toUint96(msg.value);
        taskId = taskCounter++;
        OffChainTask storage task = tasks[taskId];
        task.metadata = _metadata;
        task.deadline = _deadline;
        task.manager = _manager;
        task.disputeManager = _disputeManager;
        task.creator = msg.sender;

        Escrow escrow = Escrow(payable(Clones.clone(escrowImplementation)));
        escrow.__Escrow_init{value: msg.value}();
        task.escrow = escrow;
        task.nativeBudget = nativeBudget;

        for (uint256 i; i < _budget.length; ++i) {
            // Record what actually arrived (fee-on-transfer tokens deliver less than asked).
            uint96 received = _pullToken(_budget[i].tokenContract, address(escrow), _budget[i].amount);
            task.budget.push(ERC20Transfer(_budget[i].tokenContract, received));
        }

        _announceTask(taskId, _metadata, _budget);

        for (uint256 i; i < _preapprove.length; ++i) {
            PreapprovedApplication calldata preapproved = _preapprove[i];
            uint32 applicationId =
                _addApplication(task, "", preapproved.applicant, preapproved.nativeReward, preapproved.reward);
            OffChainApplication storage application = task.applications[applicationId];
            _ensureRewardWithinBudget(task, application);
            application.accepted = true;
            emit ApplicationCreated(
                taskId, applicationId, "", preapproved.applicant, preapproved.nativeReward, preapproved.reward
            );
            emit ApplicationAccepted(taskId, applicationId);
        }
    }

    /// @dev Its own function only to keep `createTask` within the stack limit.
    function _announceTask(uint256 _taskId, string calldata _metadata, ERC20Transfer[] calldata _budget) private {
        OffChainTask storage task = tasks[_taskId];
        emit TaskCreated(
            _taskId,
            _metadata,
            task.deadline,
            task.manager,
            task.disputeManager,
            task.creator,
            task.nativeBudget,
            _budget,
            task.escrow
        );
    }

    function applyForTask(
        uint256 _taskId,
        string calldata _metadata,
        NativeReward[] calldata _nativeReward,
        Reward[] calldata _reward
    ) external nonReentrant returns (uint32 applicationId) {
        OffChainTask storage task = _getTask(_taskId);
        _ensureOpen(task);
        applicationId = _addApplication(task, _metadata, msg.sender, _nativeReward, _reward);
        emit ApplicationCreated(_taskId, applicationId, _metadata, msg.sender, _nativeReward, _reward);
    }

    function acceptApplications(uint256 _taskId, uint32[] calldata _applicationIds) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureOpen(task);
        _ensureManager(task);
        for (uint256 i; i < _applicationIds.length; ++i) {
            OffChainApplication storage application = _getApplication(task, _applicationIds[i]);
            _ensureRewardWithinBudget(task, application);
            application.accepted = true;
            emit ApplicationAccepted(_taskId, _applicationIds[i]);
        }
    }

    function takeTask(uint256 _taskId, uint32 _applicationId) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureOpen(task);
        OffChainApplication storage application = _getApplication(task, _applicationId);
        if (application.applicant != msg.sender) revert NotYourApplication();
        if (!application.accepted) revert ApplicationNotAccepted();
        task.executorApplication = _applicationId;
        task.state = TaskState.Taken;
        emit TaskTaken(_taskId, _applicationId);
    }

    function createSubmission(uint256 _taskId, string calldata _metadata)
        external
        nonReentrant
        returns (uint8 submissionId)
    {
        OffChainTask storage task = _getTask(_taskId);
        _ensureTaken(task);
        _ensureExecutor(task);
        if (task.submissions.length > type(uint8).max) revert Overflow();
        submissionId = uint8(task.submissions.length);
        Submission storage submission = task.submissions.push();
        submission.metadata = _metadata;
        emit SubmissionCreated(_taskId, submissionId, _metadata);
    }

    function reviewSubmission(
        uint256 _taskId,
        uint8 _submissionId,
        SubmissionJudgement _judgement,
        string calldata _feedback
    ) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureTaken(task);
        _ensureManager(task);
        if (_submissionId >= task.submissions.length) revert SubmissionDoesNotExist();
        Submission storage submission = task.submissions[_submissionId];
        if (submission.judgement != SubmissionJudgement.None) revert SubmissionAlreadyJudged();
        if (_judgement == SubmissionJudgement.None) revert JudgementNone();
        submission.judgement = _judgement;
        submission.feedback = _feedback;

        if (_judgement == SubmissionJudgement.Accepted) {
            _payout(task);
            emit TaskCompleted(_taskId, TaskCompletionSource.SubmissionAccepted);
        }
        emit SubmissionReviewed(_taskId, _submissionId, _judgement, _feedback);
    }

    /// @notice Cancels at once when the task is Open or its deadline has passed; otherwise records
    /// a cancel request that the executor may accept, after which anyone can execute it.
    /// @return cancelTaskRequestId The request's id, or 255 when the task was cancelled at once.
    function cancelTask(uint256 _taskId, string calldata _metadata)
        external
        nonReentrant
        returns (uint8 cancelTaskRequestId)
    {
        OffChainTask storage task = _getTask(_taskId);
        _ensureNotClosed(task);
        _ensureManager(task);

        if (task.state == TaskState.Open || task.deadline <= block.timestamp) {
            _refundCreator(task);
            emit TaskCancelled(_taskId, _metadata);
            return NO_REQUEST;
        }

        // Id 255 means "no request", so at most 255 requests fit.
        if (task.cancelTaskRequests.length >= NO_REQUEST) revert Overflow();
        cancelTaskRequestId = uint8(task.cancelTaskRequests.length);
        CancelTaskRequest storage request = task.cancelTaskRequests.push();
        request.metadata = _metadata;
        emit CancelTaskRequested(_taskId, cancelTaskRequestId, _metadata);
    }

    function acceptRequest(uint256 _taskId, RequestType _requestType, uint8 _requestId, bool _execute)
        external
        nonReentrant
    {
        OffChainTask storage task = _getTask(_taskId);
        CancelTaskRequest storage cancelRequest = _getCancelRequest(task, _requestId);
        _ensureTaken(task);
        _ensureExecutor(task);
        if (cancelRequest.request.accepted) revert RequestAlreadyAccepted();
        cancelRequest.request.accepted = true;
        // Emitted before the cancellation it triggers (the deployed contract emits it after
        // TaskCancelled/RequestExecuted); each event stands on its own, so order does not matter to readers.
        emit RequestAccepted(_taskId, _requestType, _requestId);

        if (_execute) _executeCancel(_taskId, task, cancelRequest, _requestType, _requestId);
    }

    function executeRequest(uint256 _taskId, RequestType _requestType, uint8 _requestId) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        CancelTaskRequest storage cancelRequest = _getCancelRequest(task, _requestId);
        if (cancelRequest.request.executed) revert RequestAlreadyExecuted();
        if (!cancelRequest.request.accepted) revert RequestNotAccepted();
        _ensureTaken(task);
        _executeCancel(_taskId, task, cancelRequest, _requestType, _requestId);
    }

    // ---------------------------------------------------------------- management

    function extendDeadline(uint256 _taskId, uint64 _extension) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureNotClosed(task);
        _ensureManager(task);
        uint256 newDeadline = uint256(task.deadline) + _extension;
        if (newDeadline > type(uint64).max) revert Overflow();
        task.deadline = uint64(newDeadline);
        emit DeadlineChanged(_taskId, uint64(newDeadline));
    }

    /// @param _increase Per budget token, in budget order; the native increase is msg.value.
    function increaseBudget(uint256 _taskId, uint96[] calldata _increase) external payable nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureNotClosed(task);
        _ensureManager(task);

        if (msg.value != 0) {
            task.nativeBudget = _toUint96(uint256(task.nativeBudget) + msg.value);
            (bool success,) = address(task.escrow).call{value: msg.value}("");
            if (!success) revert NativeTransferFailed();
        }
        for (uint256 i; i < _increase.length; ++i) {
            if (_increase[i] == 0) continue;
            ERC20Transfer storage budget = task.budget[i];
            uint96 received = _pullToken(budget.tokenContract, address(task.escrow), _increase[i]);
            budget.amount = _toUint96(uint256(budget.amount) + received);
        }
        emit BudgetChanged(_taskId);
    }

    function increaseReward(
        uint256 _taskId,
        uint32 _applicationId,
        uint96[] calldata _nativeIncrease,
        uint88[] calldata _increase
    ) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureNotClosed(task);
        _ensureManager(task);
        OffChainApplication storage application = _getApplication(task, _applicationId);

        for (uint256 i; i < application.nativeReward.length; ++i) {
            NativeReward storage reward = application.nativeReward[i];
            reward.amount = _toUint96(uint256(reward.amount) + _nativeIncrease[i]);
        }
        for (uint256 i; i < application.reward.length; ++i) {
            Reward storage reward = application.reward[i];
            uint256 amount = uint256(reward.amount) + _increase[i];
            if (amount > type(uint88).max) revert Overflow();
            reward.amount = uint88(amount);
        }
        _ensureRewardWithinBudget(task, application);
        emit RewardIncreased(_taskId, _applicationId, _nativeIncrease, _increase);
    }

    function editMetadata(uint256 _taskId, string calldata _newMetadata) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureOpen(task);
        _ensureManager(task);
        task.metadata = _newMetadata;
        emit MetadataChanged(_taskId, _newMetadata);
    }

    function transferManagement(uint256 _taskId, address _newManager) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureNotClosed(task);
        _ensureManager(task);
        task.manager = _newManager;
        emit ManagerChanged(_taskId, _newManager);
    }

    /// @notice The dispute manager settles a taken task: pays the executor the given part of
    /// each reward and refunds everything else to the creator.
    function completeByDispute(
        uint256 _taskId,
        uint96[] calldata _partialNativeReward,
        uint88[] calldata _partialReward
    ) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureTaken(task);
        if (msg.sender != task.disputeManager) revert NotDisputeManager();
        task.state = TaskState.Closed;
        _payPartially(task, _partialNativeReward, _partialReward);
        _refundCreator(task);
        emit PartialPayment(_taskId, _partialNativeReward, _partialReward);
        emit TaskCompleted(_taskId, TaskCompletionSource.Dispute);
    }

    /// @notice The manager pays part of the executor's reward ahead of completion; the paid part
    /// comes off both the reward and the budget.
    function partialPayment(
        uint256 _taskId,
        uint96[] calldata _partialNativeReward,
        uint88[] calldata _partialReward
    ) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        _ensureTaken(task);
        _ensureManager(task);
        _payPartially(task, _partialNativeReward, _partialReward);
        emit BudgetChanged(_taskId);
        emit PartialPayment(_taskId, _partialNativeReward, _partialReward);
    }

    /// @notice Recovers funds sent to a closed task's escrow outside of the budget.
    function rescue(uint256 _taskId, IERC20 token, address to, uint256 amount) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        if (task.state != TaskState.Closed) revert TaskNotClosed();
        _ensureManager(task);
        task.escrow.transfer(token, to, amount);
    }

    function rescueNative(uint256 _taskId, address payable to, uint256 amount) external nonReentrant {
        OffChainTask storage task = _getTask(_taskId);
        if (task.state != TaskState.Closed) revert TaskNotClosed();
        _ensureManager(task);
        task.escrow.transferNative(to, amount);
    }

    // ---------------------------------------------------------------- internals

    function _getTask(uint256 _taskId) internal view returns (OffChainTask storage) {
        if (_taskId >= taskCounter) revert TaskDoesNotExist();
        return tasks[_taskId];
    }

    function _getApplication(OffChainTask storage task, uint32 _applicationId)
        internal
        view
        returns (OffChainApplication storage)
    {
        if (_applicationId >= task.applications.length) revert ApplicationDoesNotExist();
        return task.applications[_applicationId];
    }

    function _getCancelRequest(OffChainTask storage task, uint8 _requestId)
        internal
        view
        returns (CancelTaskRequest storage)
    {
        if (_requestId >= task.cancelTaskRequests.length) revert RequestDoesNotExist();
        return task.cancelTaskRequests[_requestId];
    }

    function _ensureOpen(OffChainTask storage task) internal view {
        if (task.state != TaskState.Open) revert TaskNotOpen();
    }

    function _ensureTaken(OffChainTask storage task) internal view {
        if (task.state != TaskState.Taken) revert TaskNotTaken();
    }

    function _ensureNotClosed(OffChainTask storage task) internal view {
        if (task.state == TaskState.Closed) revert TaskClosed();
    }

    function _ensureManager(OffChainTask storage task) internal view {
        if (msg.sender != task.manager) revert NotManager();
    }

    function _ensureExecutor(OffChainTask storage task) internal view {
        if (msg.sender != task.applications[task.executorApplication].applicant) revert NotExecutor();
    }

    function _addApplication(
        OffChainTask storage task,
        string memory _metadata,
        address _applicant,
        NativeReward[] calldata _nativeReward,
        Reward[] calldata _reward
    ) internal returns (uint32 applicationId) {
        if (_reward.length != 0 && !_reward[_reward.length - 1].nextToken) revert RewardDoesntEndWithNextToken();
        if (task.applications.length >= type(uint32).max) revert Overflow();
        applicationId = uint32(task.applications.length);
        OffChainApplication storage application = task.applications.push();
        application.metadata = _metadata;
        application.applicant = _applicant;
        for (uint256 i; i < _nativeReward.length; ++i) {
            application.nativeReward.push(_nativeReward[i]);
        }
        for (uint256 i; i < _reward.length; ++i) {
            application.reward.push(_reward[i]);
        }
    }

    /// @dev An application's rewards must fit in the budget: the native rewards together within
    /// the native budget, and the rewards of each budget token within that token's budget.
    function _ensureRewardWithinBudget(OffChainTask storage task, OffChainApplication storage application)
        internal
        view
    {
        uint256 needed;
        for (uint256 i; i < application.nativeReward.length; ++i) {
            needed += application.nativeReward[i].amount;
        }
        if (needed > task.nativeBudget) revert RewardAboveBudget();

        needed = 0;
        uint256 token;
        for (uint256 i; i < application.reward.length; ++i) {
            Reward storage reward = application.reward[i];
            needed += reward.amount;
            if (reward.nextToken) {
                if (token >= task.budget.length || needed > task.budget[token].amount) revert RewardAboveBudget();
                needed = 0;
                ++token;
            }
        }
    }

    function _payout(OffChainTask storage task) internal {
        task.state = TaskState.Closed;
        OffChainApplication storage executor = task.applications[task.executorApplication];
        Escrow escrow = task.escrow;
        address creator = task.creator;

        uint256 nativeLeft = task.nativeBudget;
        for (uint256 i; i < executor.nativeReward.length; ++i) {
            NativeReward storage reward = executor.nativeReward[i];
            nativeLeft -= reward.amount;
            if (reward.amount != 0) escrow.transferNative(payable(reward.to), reward.amount);
        }
        if (nativeLeft != 0) escrow.transferNative(payable(creator), nativeLeft);

        uint256 next;
        for (uint256 i; i < task.budget.length; ++i) {
            IERC20 token = task.budget[i].tokenContract;
            uint256 left = task.budget[i].amount;
            while (next < executor.reward.length) {
                Reward storage reward = executor.reward[next++];
                left -= reward.amount;
                if (reward.amount != 0) escrow.transfer(token, reward.to, reward.amount);
                if (reward.nextToken) break;
            }
            if (left != 0) escrow.transfer(token, creator, left);
        }
    }

    function _refundCreator(OffChainTask storage task) internal {
        task.state = TaskState.Closed;
        Escrow escrow = task.escrow;
        address creator = task.creator;
        if (task.nativeBudget != 0) escrow.transferNative(payable(creator), task.nativeBudget);
        for (uint256 i; i < task.budget.length; ++i) {
            if (task.budget[i].amount != 0) escrow.transfer(task.budget[i].tokenContract, creator, task.budget[i].amount);
        }
    }

    /// @dev Pays `_partialNativeReward[i]` of native reward i and `_partialReward[j]` of reward j
    /// (both arrays as long as the executor's reward lists), lowering rewards and budgets to match.
    function _payPartially(
        OffChainTask storage task,
        uint96[] calldata _partialNativeReward,
        uint88[] calldata _partialReward
    ) internal {
        OffChainApplication storage executor = task.applications[task.executorApplication];
        Escrow escrow = task.escrow;

        for (uint256 i; i < executor.nativeReward.length; ++i) {
            NativeReward storage reward = executor.nativeReward[i];
            uint96 amount = _partialNativeReward[i];
            if (amount > reward.amount) revert PartialRewardAboveFullReward();
            reward.amount -= amount;
            task.nativeBudget -= amount;
            if (amount != 0) escrow.transferNative(payable(reward.to), amount);
        }

        uint256 token;
        for (uint256 j; j < executor.reward.length; ++j) {
            Reward storage reward = executor.reward[j];
            uint88 amount = _partialReward[j];
            if (amount > reward.amount) revert PartialRewardAboveFullReward();
            reward.amount -= amount;
            ERC20Transfer storage budget = task.budget[token];
            budget.amount -= amount;
            if (amount != 0) escrow.transfer(budget.tokenContract, reward.to, amount);
            if (reward.nextToken) ++token;
        }
    }

    function _executeCancel(
        uint256 _taskId,
        OffChainTask storage task,
        CancelTaskRequest storage cancelRequest,
        RequestType _requestType,
        uint8 _requestId
    ) internal {
        cancelRequest.request.executed = true;
        _refundCreator(task);
        emit TaskCancelled(_taskId, cancelRequest.metadata);
        emit RequestExecuted(_taskId, _requestType, _requestId, msg.sender);
    }

    /// @dev Transfers `amount` of `token` from the caller to `to` and returns what arrived.
    function _pullToken(IERC20 token, address to, uint256 amount) internal returns (uint96) {
        uint256 before = token.balanceOf(to);
        token.safeTransferFrom(msg.sender, to, amount);
        return _toUint96(token.balanceOf(to) - before);
    }

    function _toUint96(uint256 value) internal pure returns (uint96) {
        if (value > type(uint96).max) revert Overflow();
        return uint96(value);
    }
}
