// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IDAO} from "./IDAO.sol";

/// @notice The DAO: holds the treasury and the roles (e.g. OVC's MINT/BURN/METADATA) and acts only
/// when one of its plugins asks. A plugin has either full access (TokenVoting: anything the
/// members vote for) or a list of (target, function) pairs it may call without value
/// (OptimisticActions: only OVC mint). Permissions change only by the DAO calling itself, i.e.
/// through a plugin with full access; the deployer may set them up once, until `finishSetup`.
contract DAO is IDAO, ReentrancyGuardTransient {
    /// @notice The deployer while the DAO is being wired; address(0) afterwards.
    address public setupAdmin;

    mapping(address plugin => bool) public hasFullAccess;
    mapping(address plugin => mapping(address target => mapping(bytes4 selector => bool))) public canCall;

    event Executed(
        address indexed actor,
        bytes32 callId,
        Action[] actions,
        uint256 allowFailureMap,
        uint256 failureMap,
        bytes[] execResults
    );
    event NativeTokenDeposited(address sender, uint256 amount);
    event PluginFullAccessSet(address indexed plugin, bool allowed);
    event PluginCallPermissionSet(address indexed plugin, address indexed target, bytes4 indexed selector, bool allowed);
    event SetupFinished();

    error NotAuthorized(address caller);
    error ActionNotPermitted(address plugin, uint256 index);
    error ActionFailed(uint256 index);
    error TooManyActions();

    constructor(address _setupAdmin) {
        setupAdmin = _setupAdmin;
    }

    receive() external payable {
        emit NativeTokenDeposited(msg.sender, msg.value);
    }

    modifier onlySelfOrSetupAdmin() {
        if (msg.sender != address(this) && (setupAdmin == address(0) || msg.sender != setupAdmin)) {
            revert NotAuthorized(msg.sender);
        }
        _;
    }

    function setPluginFullAccess(address _plugin, bool _allowed) external onlySelfOrSetupAdmin {
        hasFullAccess[_plugin] = _allowed;
        emit PluginFullAccessSet(_plugin, _allowed);
    }

    function setPluginCallPermission(address _plugin, address _target, bytes4 _selector, bool _allowed)
        external
        onlySelfOrSetupAdmin
    {
        canCall[_plugin][_target][_selector] = _allowed;
        emit PluginCallPermissionSet(_plugin, _target, _selector, _allowed);
    }

    function finishSetup() external {
        if (setupAdmin == address(0) || msg.sender != setupAdmin) revert NotAuthorized(msg.sender);
        setupAdmin = address(0);
        emit SetupFinished();
    }

    /// @notice Whether `_plugin` may have the DAO perform `_action`.
    function isPermitted(address _plugin, Action calldata _action) public view returns (bool) {
        if (hasFullAccess[_plugin]) return true;
        if (_action.value != 0 || _action.data.length < 4) return false;
        return canCall[_plugin][_action.to][bytes4(_action.data[:4])];
    }

    /// @inheritdoc IDAO
    function execute(bytes32 _callId, Action[] calldata _actions, uint256 _allowFailureMap)
        external
        nonReentrant
        returns (bytes[] memory execResults, uint256 failureMap)
    {
        if (_actions.length > 256) revert TooManyActions();
        // Every action is checked before any runs: a forbidden action never half-executes a list.
        for (uint256 i; i < _actions.length; ++i) {
            if (!isPermitted(msg.sender, _actions[i])) revert ActionNotPermitted(msg.sender, i);
        }

        execResults = new bytes[](_actions.length);
        for (uint256 i; i < _actions.length; ++i) {
            (bool success, bytes memory result) = _actions[i].to.call{value: _actions[i].value}(_actions[i].data);
            if (!success) {
                if (_allowFailureMap & (1 << i) == 0) revert ActionFailed(i);
                failureMap |= 1 << i;
            }
            execResults[i] = result;
        }
        emit Executed(msg.sender, _callId, _actions, _allowFailureMap, failureMap, execResults);
    }
}
