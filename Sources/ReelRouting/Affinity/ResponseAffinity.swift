import Foundation

/// Pins Responses API follow-ups to the deployment that produced their state, without any cache: the response
/// id and every reasoning item (the items that carry `encrypted_content`, readable only by the account that
/// made them) leave Reel wrapped in signed managed forms, and come back restored before going upstream.
///
/// - response `id` and `previous_response_id` → `resp_…` (kind ``ManagedID/Kind/response``, object id = the upstream id,
///   owner = the key that created it: another key's `resp_…` is unknown to it);
/// - reasoning item `id` (and `item_id` of `response.reasoning…` stream events) → `encitem_…`;
/// - `encrypted_content` → `reelenc_<signed origin>:<original>`.
///
/// ```swift
/// let affinity = ResponseAffinity(codec: codec)
/// let restored = try affinity.restoreRequest(body, keyID: caller.id)   // upstream body + the deployments it is pinned to
/// let owner = try resolver.owner(ofAll: restored.pinnedDeploymentIDs)   // nil: balance normally
/// // … forward restored.body to the chosen deployment …
/// let answer = try affinity.wrapResponse(upstreamBody, deployment: chosen, modelGroup: model, keyID: caller.id)
/// ```
public struct ResponseAffinity: Sendable {
    /// Mints and verifies the wrapped forms.
    public let codec: ManagedIDCodec

    /// Creates the helper.
    public init(codec: ManagedIDCodec) {
        self.codec = codec
    }

    /// A request body with every managed form restored, and the deployments it refers to.
    public struct RestoredRequest: Sendable {
        /// The body to send upstream.
        public var body: [UInt8]
        /// Deployment ids named by `previous_response_id` and wrapped input items, first seen first, no repeats.
        public var pinnedDeploymentIDs: [String]
    }

    /// Restores `previous_response_id`, wrapped item ids and wrapped `encrypted_content` in a `POST /v1/responses`
    /// body sent by key `keyID`. Items that look managed but do not verify are left as they are (the provider
    /// rejects them).
    /// - Throws: `RoutingError.invalidBody` when the body is not a JSON object; `RoutingError.unknownObject` when
    ///   `previous_response_id` is not a genuine `resp_…` id created by `keyID` (forged, foreign and other keys'
    ///   ids are all answered alike).
    public func restoreRequest(_ body: [UInt8], keyID: String) throws(RoutingError) -> RestoredRequest {
        var object = try Self.parseObject(body)
        var pins: [String] = []
        func pin(_ id: ManagedID) {
            if !pins.contains(id.deploymentID) { pins.append(id.deploymentID) }
        }
        if let previous = object["previous_response_id"] as? String {
            guard let id = codec.decode(previous, as: .response), codec.isOwned(id, by: keyID) else {
                throw RoutingError(.unknownObject, message: "Previous response with id '\(previous)' not found.")
            }
            object["previous_response_id"] = id.objectID
            pin(id)
        }
        if var items = object["input"] as? [Any] {
            for index in items.indices {
                guard var item = items[index] as? [String: Any] else { continue }
                if let text = item["id"] as? String, let id = codec.decode(text, as: .responseItem) {
                    item["id"] = id.objectID
                    pin(id)
                }
                if let text = item["encrypted_content"] as? String, let (id, original) = unwrapEncryptedContent(text) {
                    item["encrypted_content"] = original
                    pin(id)
                }
                items[index] = item
            }
            object["input"] = items
        }
        return RestoredRequest(body: try Self.serialize(object), pinnedDeploymentIDs: pins)
    }

    /// Wraps the response id and the reasoning items of a response object from `deployment`.
    /// - Parameters:
    ///   - body: the upstream JSON response object.
    ///   - modelGroup: the model the client asked for (kept in the IDs).
    ///   - keyID: the key the response belongs to.
    /// - Throws: `RoutingError.invalidBody` when `body` is not a JSON object; `RoutingError.idTooLong` when an id
    ///   in it is too long to wrap.
    public func wrapResponse(_ body: [UInt8], deployment: Deployment, modelGroup: String, keyID: String) throws(RoutingError) -> [UInt8] {
        let origin = Origin(deployment: deployment, modelGroup: modelGroup, owner: codec.ownerTag(keyID: keyID))
        return try Self.serialize(wrap(response: try Self.parseObject(body), origin: origin))
    }

    /// Wraps one streaming event (the JSON of an SSE `data:` line): its `response`, its `item`, and the
    /// `item_id` of reasoning events.
    /// - Throws: as ``wrapResponse(_:deployment:modelGroup:keyID:)``.
    public func wrapStreamEvent(_ data: [UInt8], deployment: Deployment, modelGroup: String, keyID: String) throws(RoutingError) -> [UInt8] {
        let origin = Origin(deployment: deployment, modelGroup: modelGroup, owner: codec.ownerTag(keyID: keyID))
        var event = try Self.parseObject(data)
        if let response = event["response"] as? [String: Any] {
            event["response"] = try wrap(response: response, origin: origin)
        }
        if let item = event["item"] as? [String: Any] {
            event["item"] = try wrap(item: item, origin: origin)
        }
        if let type = event["type"] as? String, type.hasPrefix("response.reasoning"), let itemID = event["item_id"] as? String {
            event["item_id"] = try mint(.responseItem, itemID, origin: origin)
        }
        return try Self.serialize(event)
    }

    /// Where wrapped values come from: the deployment, the model asked for, and the owner tag of the key.
    private struct Origin {
        var deployment: Deployment
        var modelGroup: String
        var owner: String
    }

    private func wrap(response: [String: Any], origin: Origin) throws(RoutingError) -> [String: Any] {
        var response = response
        if let id = response["id"] as? String {
            response["id"] = try mint(.response, id, origin: origin)
        }
        // The echo of a follow-up's `previous_response_id` names a response of the same account and key.
        if let previous = response["previous_response_id"] as? String {
            response["previous_response_id"] = try mint(.response, previous, origin: origin)
        }
        if let output = response["output"] as? [Any] {
            var wrapped: [Any] = []
            for element in output {
                guard let item = element as? [String: Any] else {
                    wrapped.append(element)
                    continue
                }
                wrapped.append(try wrap(item: item, origin: origin))
            }
            response["output"] = wrapped
        }
        return response
    }

    private func wrap(item: [String: Any], origin: Origin) throws(RoutingError) -> [String: Any] {
        var item = item
        let encrypted = item["encrypted_content"] as? String
        guard encrypted != nil || item["type"] as? String == "reasoning" else { return item }
        if let id = item["id"] as? String {
            item["id"] = try mint(.responseItem, id, origin: origin)
        }
        if let encrypted {
            item["encrypted_content"] = try mint(.encryptedContent, "", origin: origin) + ":" + encrypted
        }
        return item
    }

    /// Response ids carry their owner; items are bound to their account by the provider itself.
    private func mint(_ kind: ManagedID.Kind, _ objectID: String, origin: Origin) throws(RoutingError) -> String {
        try codec.mint(
            ManagedID(
                kind: kind, provider: origin.deployment.provider, deploymentID: origin.deployment.id, modelGroup: origin.modelGroup,
                objectID: objectID, owner: kind == .response ? origin.owner : ""
            )
        )
    }

    private func unwrapEncryptedContent(_ text: String) -> (ManagedID, String)? {
        guard text.hasPrefix(ManagedID.Kind.encryptedContent.prefix), let colon = text.firstIndex(of: ":") else { return nil }
        guard let id = codec.decode(String(text[..<colon]), as: .encryptedContent) else { return nil }
        return (id, String(text[text.index(after: colon)...]))
    }

    private static func parseObject(_ body: [UInt8]) throws(RoutingError) -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) as? [String: Any] else {
            throw RoutingError(.invalidBody, message: "The body must be a JSON object.")
        }
        return object
    }

    private static func serialize(_ object: [String: Any]) throws(RoutingError) -> [UInt8] {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]) else {
            throw RoutingError(.invalidBody, message: "The body could not be re-encoded as JSON.")
        }
        return Array(data)
    }
}
