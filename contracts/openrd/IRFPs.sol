// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ITasks} from "./ITasks.sol";
import {RFPEscrow} from "./RFPEscrow.sol";

/// @notice Requests for proposals: a budget in escrow, projects proposed against it, and each
/// accepted project funded as an OpenR&D task. Events, errors and signatures are those of
/// Openmesh's deployed RFPs contract (shared/reference-abi/RFPs.abi.json).
interface IRFPs {
    struct OffchainProject {
        string metadata;
        address representative;
        uint64 deadline;
        bool accepted;
        ITasks.NativeReward[] nativeReward;
        ITasks.Reward[] reward;
    }

    struct OffChainRFP {
        string metadata;
        uint64 deadline;
        RFPEscrow escrow;
        address creator;
        address tasksManager;
        address disputeManager;
        address manager;
        address[] budget;
        OffchainProject[] projects;
    }

    event RFPCreated(
        uint256 indexed rfpId,
        string metadata,
        uint64 deadline,
        uint256 nativeBudget,
        ITasks.ERC20Transfer[] budget,
        address creator,
        address tasksManager,
        address disputeManager,
        address manager,
        RFPEscrow escrow
    );
    event ProjectSubmitted(
        uint256 indexed rfpId,
        uint32 projectId,
        string metadata,
        address representative,
        uint64 deadline,
        ITasks.NativeReward[] nativeReward,
        ITasks.Reward[] reward
    );
    event ProjectAccepted(uint256 indexed rfpId, uint32 projectId, uint96[] nativeReward, uint88[] reward, uint256 taskId);
    event RFPEmptied(uint256 indexed rfpId);

    error RFPDoesNotExist();
    error RFPClosed();
    error NotManager();
    error ProjectDoesNotExist();
    error ProjectAlreadyAccepted();
    error RewardDoesntEndWithNextToken();
    error NativeTransferFailed();
    error Overflow();
    // OpenZeppelin 5.0's Address and Clones errors, in the reference ABI (this build uses 5.7).
    error ERC1167FailedCreateClone();
    error AddressEmptyCode(address target);
    error AddressInsufficientBalance(address account);
    error FailedInnerCall();

    function rfpCount() external view returns (uint256);

    function getRFP(uint256 _rfpId) external view returns (OffChainRFP memory offchainRFP);

    function getRFPs(uint256[] calldata _rfpIds) external view returns (OffChainRFP[] memory);

    /// @notice Escrows `msg.value` and `_budget` (pulled from the caller) for a new RFP.
    /// @param _tasksManager and @param _disputeManager become those of every task it funds;
    /// @param _manager accepts projects and may empty the RFP.
    function createRFP(
        string calldata _metadata,
        uint64 _deadline,
        ITasks.ERC20Transfer[] calldata _budget,
        address _tasksManager,
        address _disputeManager,
        address _manager
    ) external payable returns (uint256 rfpId);

    /// @notice Proposes a project until the RFP's deadline; the caller is its representative.
    function submitProject(
        uint256 _rfpId,
        string calldata _metadata,
        uint64 _deadline,
        ITasks.NativeReward[] calldata _nativeReward,
        ITasks.Reward[] calldata _reward
    ) external returns (uint32 projectId);

    /// @notice Funds a project as a task, granting `_nativeReward[i]` / `_reward[i]` for each of
    /// the project's reward entries (one amount per entry, in order).
    function acceptProject(uint256 _rfpId, uint32 _projectId, uint96[] calldata _nativeReward, uint88[] calldata _reward)
        external;

    /// @notice Sends what is left in the RFP's escrow back to its creator.
    function emptyRFP(uint256 _rfpId) external;
}
