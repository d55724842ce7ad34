// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Escrow} from "./Escrow.sol";

/// @notice The OpenR&D task interface. Events, errors and function signatures are those of
/// Openmesh's deployed Tasks contract (see ../../shared/reference-abi/Tasks.abi.json), so the
/// indexer and the UI work against either deployment. Enum values are part of that interface.
interface ITasks {
    enum TaskState {
        Open,
        Taken,
        Closed
    }

    enum SubmissionJudgement {
        None,
        Accepted,
        Rejected
    }

    enum RequestType {
        CancelTask
    }

    enum TaskCompletionSource {
        SubmissionAccepted,
        Dispute
    }

    struct ERC20Transfer {
        IERC20 tokenContract;
        uint96 amount;
    }

    struct NativeReward {
        address to;
        uint96 amount;
    }

    /// @dev Listed in budget-token order; `nextToken = true` moves on to the next budget token,
    /// and the last entry must have it set.
    struct Reward {
        bool nextToken;
        address to;
        uint88 amount;
    }

    struct PreapprovedApplication {
        address applicant;
        NativeReward[] nativeReward;
        Reward[] reward;
    }

    struct OffChainApplication {
        string metadata;
        address applicant;
        bool accepted;
        NativeReward[] nativeReward;
        Reward[] reward;
    }

    struct Submission {
        string metadata;
        string feedback;
        SubmissionJudgement judgement;
    }

    struct Request {
        bool accepted;
        bool executed;
    }

    struct CancelTaskRequest {
        Request request;
        string metadata;
    }

    struct OffChainTask {
        string metadata;
        uint64 deadline;
        uint32 executorApplication;
        address manager;
        address disputeManager;
        address creator;
        TaskState state;
        Escrow escrow;
        uint96 nativeBudget;
        ERC20Transfer[] budget;
        OffChainApplication[] applications;
        Submission[] submissions;
        CancelTaskRequest[] cancelTaskRequests;
    }

    error TaskDoesNotExist();
    error TaskNotOpen();
    error TaskNotTaken();
    error TaskNotClosed();
    error TaskClosed();
    error NotManager();
    error NotExecutor();
    error NotDisputeManager();
    error RewardAboveBudget();
    error RewardDoesntEndWithNextToken();
    error NotEnoughNativeCurrencyAttached();
    error ApplicationDoesNotExist();
    error NotYourApplication();
    error ApplicationNotAccepted();
    error SubmissionDoesNotExist();
    error SubmissionAlreadyJudged();
    error JudgementNone();
    error RequestDoesNotExist();
    error RequestAlreadyAccepted();
    error RequestNotAccepted();
    error RequestAlreadyExecuted();
    error Overflow();
    error ManualBudgetIncreaseNeeded();
    error PartialRewardAboveFullReward();
    error NativeTransferFailed();
    // Library errors of the OpenZeppelin 5.0 build the reference was compiled with; declared so
    // the ABI lists them too (OpenZeppelin 5.7 raises FailedCall/FailedDeployment instead).
    // SafeERC20FailedOperation comes with SafeERC20 itself.
    error ERC1167FailedCreateClone();
    error AddressEmptyCode(address target);
    error AddressInsufficientBalance(address account);
    error FailedInnerCall();

    event TaskCreated(
        uint256 indexed taskId,
        string metadata,
        uint64 deadline,
        address manager,
        address disputeManager,
        address creator,
        uint96 nativeBudget,
        ERC20Transfer[] budget,
        Escrow escrow
    );
    event ApplicationCreated(
        uint256 indexed taskId,
        uint32 indexed applicationId,
        string metadata,
        address applicant,
        NativeReward[] nativeReward,
        Reward[] reward
    );
    event ApplicationAccepted(uint256 indexed taskId, uint32 indexed applicationId);
    event TaskTaken(uint256 indexed taskId, uint32 indexed applicationId);
    event SubmissionCreated(uint256 indexed taskId, uint8 indexed submissionId, string metadata);
    event SubmissionReviewed(
        uint256 indexed taskId, uint8 indexed submissionId, SubmissionJudgement judgement, string feedback
    );
    event TaskCompleted(uint256 indexed taskId, TaskCompletionSource source);
    event CancelTaskRequested(uint256 indexed taskId, uint8 indexed requestId, string metadata);
    event TaskCancelled(uint256 indexed taskId, string metadata);
    event RequestAccepted(uint256 indexed taskId, RequestType indexed requestType, uint8 indexed requestId);
    event RequestExecuted(
        uint256 indexed taskId, RequestType indexed requestType, uint8 indexed requestId, address by
    );
    event DeadlineChanged(uint256 indexed taskId, uint64 newDeadline);
    /// @dev Carries no amounts on purpose: read the escrow's balances after it.
    event BudgetChanged(uint256 indexed taskId);
    event RewardIncreased(
        uint256 indexed taskId, uint32 indexed applicationId, uint96[] nativeIncrease, uint88[] increase
    );
    event MetadataChanged(uint256 indexed taskId, string newMetadata);
    event ManagerChanged(uint256 indexed taskId, address newManager);
    event PartialPayment(uint256 indexed taskId, uint96[] partialNativeReward, uint88[] partialReward);

    function taskCount() external view returns (uint256);

    function getTask(uint256 _taskId) external view returns (OffChainTask memory offchainTask);

    function getTasks(uint256[] calldata _taskIds) external view returns (OffChainTask[] memory);

    function createTask(
        string calldata _metadata,
        uint64 _deadline,
        address _manager,
        address _disputeManager,
        ERC20Transfer[] calldata _budget,
        PreapprovedApplication[] calldata _preapprove
    ) external payable returns (uint256 taskId);

    function applyForTask(
        uint256 _taskId,
        string calldata _metadata,
        NativeReward[] calldata _nativeReward,
        Reward[] calldata _reward
    ) external returns (uint32 applicationId);

    function acceptApplications(uint256 _taskId, uint32[] calldata _applicationIds) external;

    function takeTask(uint256 _taskId, uint32 _applicationId) external;

    function createSubmission(uint256 _taskId, string calldata _metadata) external returns (uint8 submissionId);

    function reviewSubmission(
        uint256 _taskId,
        uint8 _submissionId,
        SubmissionJudgement _judgement,
        string calldata _feedback
    ) external;

    function cancelTask(uint256 _taskId, string calldata _metadata) external returns (uint8 cancelTaskRequestId);

    function acceptRequest(uint256 _taskId, RequestType _requestType, uint8 _requestId, bool _execute) external;

    function executeRequest(uint256 _taskId, RequestType _requestType, uint8 _requestId) external;

    function extendDeadline(uint256 _taskId, uint64 _extension) external;

    function increaseBudget(uint256 _taskId, uint96[] calldata _increase) external payable;

    function increaseReward(
        uint256 _taskId,
        uint32 _applicationId,
        uint96[] calldata _nativeIncrease,
        uint88[] calldata _increase
    ) external;

    function editMetadata(uint256 _taskId, string calldata _newMetadata) external;

    function transferManagement(uint256 _taskId, address _newManager) external;

    function completeByDispute(
        uint256 _taskId,
        uint96[] calldata _partialNativeReward,
        uint88[] calldata _partialReward
    ) external;

    function partialPayment(
        uint256 _taskId,
        uint96[] calldata _partialNativeReward,
        uint88[] calldata _partialReward
    ) external;

    function rescue(uint256 _taskId, IERC20 token, address to, uint256 amount) external;

    function rescueNative(uint256 _taskId, address payable to, uint256 amount) external;
}
