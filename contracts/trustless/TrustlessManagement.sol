// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {Action, IExecutor} from "../common/Action.sol";
import {OpenmeshAdminOwned} from "../common/OpenmeshAdmin.sol";
import {IDAOManager} from "./IDAOManager.sol";
import {IPermissionChecker} from "./IPermissionChecker.sol";

// A permission value that means "always allowed" (0 means "not allowed"; any other value
// is a contract asked through IPermissionChecker).
address constant NO_PERMISSION_CHECKER = address(type(uint160).max);

// The call id every DAO execution by a TrustlessManagement carries.
bytes32 constant TRUSTLESS_MANAGEMENT_CALL_ID = keccak256("TRUSTLESS_MANAGEMENT");

/// @notice Lets members of a DAO act as the DAO within limits the DAO set, without a vote.
/// A role (what it means is up to the concrete contract: an address, a token count, a tag) gets,
/// per DAO, full access, access to every function of an address ("zone"), or to one function of
/// one address; zone and function blacklists override any access. The DAO must let this contract
/// execute on it (Aragon's EXECUTE_PERMISSION, or a smart account's execute permission).
abstract contract TrustlessManagement is ERC165, OpenmeshAdminOwned, IDAOManager {
    struct RolePermissions {
        address fullAccess;
        mapping(address zone => address checker) zoneAccess;
        mapping(address zone => address checker) zoneBlacklist;
        mapping(uint256 functionId => address checker) functionAccess;
        mapping(uint256 functionId => address checker) functionBlacklist;
    }

    struct DaoSettings {
        /// @dev address(0): the DAO administers its own permissions.
        address admin;
        mapping(uint256 role => RolePermissions) permissions;
    }

    mapping(address dao => DaoSettings) private daoSettings;

    event AdminSet(address indexed dao, address admin);
    event Execution(
        address indexed dao,
        uint256 indexed role,
        address indexed sender,
        Action[] actions,
        bytes[] returnValues,
        uint256 failureMap
    );
    event FullAccessChanged(address indexed dao, uint256 indexed role, address permissionChecker);
    event ZoneAccessChanged(address indexed dao, uint256 indexed role, address zone, address permissionChecker);
    event ZoneBlacklistChanged(address indexed dao, uint256 indexed role, address zone, address permissionChecker);
    event FunctionAccessChanged(
        address indexed dao, uint256 indexed role, address zone, bytes4 functionSelector, address permissionChecker
    );
    event FunctionBlacklistChanged(
        address indexed dao, uint256 indexed role, address zone, bytes4 functionSelector, address permissionChecker
    );

    error SenderDoesNotHaveRole();
    error AccessDenied();
    error SenderIsNotAdmin();

    /// @dev Whether `_account` holds `_role`; each concrete contract gives roles their meaning.
    function _hasRole(address _account, uint256 _role) internal view virtual returns (bool);

    /// @notice Whether `_role` may have `_dao` perform every one of `_actions`.
    function isAllowed(IExecutor _dao, uint256 _role, Action[] calldata _actions) public view returns (bool) {
        RolePermissions storage permissions = daoSettings[address(_dao)].permissions[_role];
        for (uint256 i; i < _actions.length; ++i) {
            Action calldata action = _actions[i];
            uint256 functionId = _functionId(action.to, bytes4(action.data));
            if (
                _granted(permissions.functionBlacklist[functionId], _role, action)
                    || _granted(permissions.zoneBlacklist[action.to], _role, action)
            ) return false;
            if (
                !_granted(permissions.fullAccess, _role, action)
                    && !_granted(permissions.zoneAccess[action.to], _role, action)
                    && !_granted(permissions.functionAccess[functionId], _role, action)
            ) return false;
        }
        return true;
    }

    /// @inheritdoc IDAOManager
    function asDAO(IExecutor _dao, uint256 _role, Action[] calldata _actions, uint256 _failureMap)
        external
        returns (bytes[] memory returnValues, uint256 failureMap)
    {
        if (!_hasRole(msg.sender, _role)) revert SenderDoesNotHaveRole();
        if (!isAllowed(_dao, _role, _actions)) revert AccessDenied();
        (returnValues, failureMap) = _dao.execute(TRUSTLESS_MANAGEMENT_CALL_ID, _actions, _failureMap);
        emit Execution(address(_dao), _role, msg.sender, _actions, returnValues, failureMap);
    }

    /// @notice Hands the administration of `_dao`'s permissions to `_admin` (address(0): back to
    /// the DAO). Once an admin is set, only that admin may change them, not the DAO.
    function setAdmin(IExecutor _dao, address _admin) external {
        DaoSettings storage settings = _administered(_dao);
        settings.admin = _admin;
        emit AdminSet(address(_dao), _admin);
    }

    function changeFullAccess(IExecutor _dao, uint256 _role, address _permissionChecker) external {
        _administered(_dao).permissions[_role].fullAccess = _permissionChecker;
        emit FullAccessChanged(address(_dao), _role, _permissionChecker);
    }

    function changeZoneAccess(IExecutor _dao, uint256 _role, address _zone, address _permissionChecker) external {
        _administered(_dao).permissions[_role].zoneAccess[_zone] = _permissionChecker;
        emit ZoneAccessChanged(address(_dao), _role, _zone, _permissionChecker);
    }

    function changeZoneBlacklist(IExecutor _dao, uint256 _role, address _zone, address _permissionChecker) external {
        _administered(_dao).permissions[_role].zoneBlacklist[_zone] = _permissionChecker;
        emit ZoneBlacklistChanged(address(_dao), _role, _zone, _permissionChecker);
    }

    function changeFunctionAccess(
        IExecutor _dao,
        uint256 _role,
        address _zone,
        bytes4 _functionSelector,
        address _permissionChecker
    ) external {
        _administered(_dao).permissions[_role].functionAccess[_functionId(_zone, _functionSelector)] =
            _permissionChecker;
        emit FunctionAccessChanged(address(_dao), _role, _zone, _functionSelector, _permissionChecker);
    }

    function changeFunctionBlacklist(
        IExecutor _dao,
        uint256 _role,
        address _zone,
        bytes4 _functionSelector,
        address _permissionChecker
    ) external {
        _administered(_dao).permissions[_role].functionBlacklist[_functionId(_zone, _functionSelector)] =
            _permissionChecker;
        emit FunctionBlacklistChanged(address(_dao), _role, _zone, _functionSelector, _permissionChecker);
    }

    function supportsInterface(bytes4 _interfaceId) public view virtual override returns (bool) {
        return _interfaceId == type(IDAOManager).interfaceId || super.supportsInterface(_interfaceId);
    }

    /// @dev The DAO's settings, if the caller may change them.
    function _administered(IExecutor _dao) private view returns (DaoSettings storage settings) {
        settings = daoSettings[address(_dao)];
        address admin = settings.admin;
        if (msg.sender != (admin == address(0) ? address(_dao) : admin)) revert SenderIsNotAdmin();
    }

    function _granted(address _checker, uint256 _role, Action calldata _action) private view returns (bool) {
        if (_checker == address(0)) return false;
        if (_checker == NO_PERMISSION_CHECKER) return true;
        return IPermissionChecker(_checker).checkPermission(_role, _action);
    }

    /// @dev One key for (address, selector): the address in the high bits, the selector in the low 32.
    function _functionId(address _zone, bytes4 _selector) private pure returns (uint256) {
        return (uint256(uint160(_zone)) << 32) | uint32(_selector);
    }
}
