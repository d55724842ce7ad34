// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC165Checker} from "@openzeppelin/contracts/utils/introspection/ERC165Checker.sol";
import {IPermissionCondition} from "./IPermissionCondition.sol";

/// @notice Aragon OSx's permission model: `who` may call permission-guarded functions of `where`,
/// per permission id, unconditionally or while a condition contract says so. Only holders of the
/// ROOT permission on this contract change permissions.
abstract contract PermissionManager {
    enum Operation {
        Grant,
        Revoke,
        GrantWithCondition
    }

    struct SingleTargetPermission {
        Operation operation;
        address who;
        bytes32 permissionId;
    }

    struct MultiTargetPermission {
        Operation operation;
        address where;
        address who;
        address condition;
        bytes32 permissionId;
    }

    bytes32 public constant ROOT_PERMISSION_ID = keccak256("ROOT_PERMISSION");

    /// @dev `who` or `where` meaning "any address"; only allowed with a condition.
    address internal constant ANY_ADDR = address(type(uint160).max);
    address internal constant UNSET_FLAG = address(0);
    address internal constant ALLOW_FLAG = address(2);

    /// @dev keccak256("PERMISSION", who, where, permissionId) => UNSET_FLAG, ALLOW_FLAG or a condition.
    mapping(bytes32 permissionHash => address) internal permissionsHashed;

    event Granted(
        bytes32 indexed permissionId, address indexed here, address where, address indexed who, address condition
    );
    event Revoked(bytes32 indexed permissionId, address indexed here, address where, address indexed who);

    error Unauthorized(address where, address who, bytes32 permissionId);
    error PermissionAlreadyGrantedForDifferentCondition(
        address where, address who, bytes32 permissionId, address currentCondition, address newCondition
    );
    error PermissionsForAnyAddressDisallowed();
    error AnyAddressDisallowedForWhoAndWhere();
    error ConditionNotAContract(address condition);
    error ConditionInterfacNotSupported(address condition);
    error GrantWithConditionNotSupported();

    modifier auth(bytes32 _permissionId) {
        _auth(_permissionId);
        _;
    }

    function grant(address _where, address _who, bytes32 _permissionId) external auth(ROOT_PERMISSION_ID) {
        _grant(_where, _who, _permissionId);
    }

    function grantWithCondition(address _where, address _who, bytes32 _permissionId, IPermissionCondition _condition)
        external
        auth(ROOT_PERMISSION_ID)
    {
        _grantWithCondition(_where, _who, _permissionId, address(_condition));
    }

    function revoke(address _where, address _who, bytes32 _permissionId) external auth(ROOT_PERMISSION_ID) {
        _revoke(_where, _who, _permissionId);
    }

    /// @notice Grants and revokes on one target; conditions need `applyMultiTargetPermissions`.
    function applySingleTargetPermissions(address _where, SingleTargetPermission[] calldata items)
        external
        auth(ROOT_PERMISSION_ID)
    {
        for (uint256 i; i < items.length; ++i) {
            SingleTargetPermission calldata item = items[i];
            if (item.operation == Operation.Grant) _grant(_where, item.who, item.permissionId);
            else if (item.operation == Operation.Revoke) _revoke(_where, item.who, item.permissionId);
            else revert GrantWithConditionNotSupported();
        }
    }

    function applyMultiTargetPermissions(MultiTargetPermission[] calldata _items) external auth(ROOT_PERMISSION_ID) {
        for (uint256 i; i < _items.length; ++i) {
            MultiTargetPermission calldata item = _items[i];
            if (item.operation == Operation.Grant) _grant(item.where, item.who, item.permissionId);
            else if (item.operation == Operation.Revoke) _revoke(item.where, item.who, item.permissionId);
            else _grantWithCondition(item.where, item.who, item.permissionId, item.condition);
        }
    }

    /// @notice Whether `_who` may use `_permissionId` on `_where`: granted to it directly, or by a
    /// condition granted to any caller on `_where`, or to `_who` on any target.
    function isGranted(address _where, address _who, bytes32 _permissionId, bytes memory _data)
        public
        view
        returns (bool)
    {
        return _holds(_where, _who, _where, _who, _permissionId, _data)
            || _holds(_where, ANY_ADDR, _where, _who, _permissionId, _data)
            || _holds(ANY_ADDR, _who, _where, _who, _permissionId, _data);
    }

    /// @dev Permissions that may never be granted to any address or on any target.
    function _isPermissionRestrictedForAnyAddr(bytes32 _permissionId) internal view virtual returns (bool) {
        return _permissionId == ROOT_PERMISSION_ID;
    }

    function _auth(bytes32 _permissionId) internal view {
        if (!isGranted(address(this), msg.sender, _permissionId, msg.data)) {
            revert Unauthorized(address(this), msg.sender, _permissionId);
        }
    }

    function _grant(address _where, address _who, bytes32 _permissionId) internal {
        if (_where == ANY_ADDR || _who == ANY_ADDR) revert PermissionsForAnyAddressDisallowed();
        _set(_where, _who, _permissionId, ALLOW_FLAG);
    }

    function _grantWithCondition(address _where, address _who, bytes32 _permissionId, address _condition) internal {
        if (_condition.code.length == 0) revert ConditionNotAContract(_condition);
        if (!ERC165Checker.supportsInterface(_condition, type(IPermissionCondition).interfaceId)) {
            revert ConditionInterfacNotSupported(_condition);
        }
        if (_where == ANY_ADDR && _who == ANY_ADDR) revert AnyAddressDisallowedForWhoAndWhere();
        if ((_where == ANY_ADDR || _who == ANY_ADDR) && _isPermissionRestrictedForAnyAddr(_permissionId)) {
            revert PermissionsForAnyAddressDisallowed();
        }
        _set(_where, _who, _permissionId, _condition);
    }

    function _revoke(address _where, address _who, bytes32 _permissionId) internal {
        bytes32 hash = _permissionHash(_where, _who, _permissionId);
        if (permissionsHashed[hash] == UNSET_FLAG) return;
        permissionsHashed[hash] = UNSET_FLAG;
        emit Revoked(_permissionId, msg.sender, _where, _who);
    }

    /// @dev Granting what is already granted the same way changes nothing and emits nothing.
    function _set(address _where, address _who, bytes32 _permissionId, address _value) private {
        bytes32 hash = _permissionHash(_where, _who, _permissionId);
        address current = permissionsHashed[hash];
        if (current == _value) return;
        if (current != UNSET_FLAG) {
            revert PermissionAlreadyGrantedForDifferentCondition(_where, _who, _permissionId, current, _value);
        }
        permissionsHashed[hash] = _value;
        emit Granted(_permissionId, msg.sender, _where, _who, _value);
    }

    /// @dev Whether the entry (`_entryWhere`, `_entryWho`) lets `_who` use the permission on `_where`.
    function _holds(
        address _entryWhere,
        address _entryWho,
        address _where,
        address _who,
        bytes32 _permissionId,
        bytes memory _data
    ) private view returns (bool) {
        address value = permissionsHashed[_permissionHash(_entryWhere, _entryWho, _permissionId)];
        if (value == UNSET_FLAG) return false;
        if (value == ALLOW_FLAG) return true;
        try IPermissionCondition(value).isGranted(_where, _who, _permissionId, _data) returns (bool allowed) {
            return allowed;
        } catch {
            return false;
        }
    }

    function _permissionHash(address _where, address _who, bytes32 _permissionId) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("PERMISSION", _who, _where, _permissionId));
    }
}
