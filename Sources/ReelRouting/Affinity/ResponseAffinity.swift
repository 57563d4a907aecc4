import Foundation

/// Pins Responses API follow-ups to the deployment that produced their state, without any cache: the response
/// id and every reasoning item (the items that carry `encrypted_content`, readable only by the account that
/// made them) leave Reel wrapped in signed managed forms, and come back restored before going upstream.
///
/// - response `id` and `previous_response_id` → `resp_…` (kind ``ManagedID/Kind/response``, object id = the upstream id);
/// - reasoning item `id` (and `item_id` of `response.reasoning…` stream events) → `encitem_…`;
/// - `encrypted_content` → `reelenc_<signed origin>:<original>`.
///
/// ```swift
/// let affinity = ResponseAffinity(codec: codec)
/// let restored = try affinity.restoreRequest(body)            // upstream body + the deployments it is pinned to
/// let owner = try resolver.owner(ofAll: restored.pinnedDeploymentIDs)   // nil: balance normally
/// // … forward restored.body to the chosen deployment …
/// let answer = try affinity.wrapResponse(upstreamBody, deployment: chosen, modelGroup: model)
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
    /// body. Values that look managed but do not verify are left as they are (the provider rejects them).
    /// - Throws: `RoutingError.invalidBody` when the body is not a JSON object.
    public func restoreRequest(_ body: [UInt8]) throws(RoutingError) -> RestoredRequest {
        var object = try Self.parseObject(body)
        var pins: [String] = []
        func pin(_ id: ManagedID) {
            if !pins.contains(id.deploymentID) { pins.append(id.deploymentID) }
        }
        if let previous = object["previous_response_id"] as? String, let id = codec.decode(previous, as: .response) {
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
    public func wrapResponse(_ body: [UInt8], deployment: Deployment, modelGroup: String) throws(RoutingError) -> [UInt8] {
        try Self.serialize(wrap(response: try Self.parseObject(body), deployment: deployment, modelGroup: modelGroup))
    }

    /// Wraps one streaming event (the JSON of an SSE `data:` line): its `response`, its `item`, and the
    /// `item_id` of reasoning events.
    public func wrapStreamEvent(_ data: [UInt8], deployment: Deployment, modelGroup: String) throws(RoutingError) -> [UInt8] {
        var event = try Self.parseObject(data)
        if let response = event["response"] as? [String: Any] {
            event["response"] = wrap(response: response, deployment: deployment, modelGroup: modelGroup)
        }
        if let item = event["item"] as? [String: Any] {
            event["item"] = wrap(item: item, deployment: deployment, modelGroup: modelGroup)
        }
        if let type = event["type"] as? String, type.hasPrefix("response.reasoning"), let itemID = event["item_id"] as? String {
            event["item_id"] = mint(.responseItem, itemID, deployment: deployment, modelGroup: modelGroup)
        }
        return try Self.serialize(event)
    }

    private func wrap(response: [String: Any], deployment: Deployment, modelGroup: String) -> [String: Any] {
        var response = response
        if let id = response["id"] as? String {
            response["id"] = mint(.response, id, deployment: deployment, modelGroup: modelGroup)
        }
        // The echo of a follow-up's `previous_response_id` names a response of the same account.
        if let previous = response["previous_response_id"] as? String {
            response["previous_response_id"] = mint(.response, previous, deployment: deployment, modelGroup: modelGroup)
        }
        if let output = response["output"] as? [Any] {
            response["output"] = output.map { element -> Any in
                guard let item = element as? [String: Any] else { return element }
                return wrap(item: item, deployment: deployment, modelGroup: modelGroup)
            }
        }
        return response
    }

    private func wrap(item: [String: Any], deployment: Deployment, modelGroup: String) -> [String: Any] {
        var item = item
        let encrypted = item["encrypted_content"] as? String
        guard encrypted != nil || item["type"] as? String == "reasoning" else { return item }
        if let id = item["id"] as? String {
            item["id"] = mint(.responseItem, id, deployment: deployment, modelGroup: modelGroup)
        }
        if let encrypted {
            item["encrypted_content"] = mint(.encryptedContent, "", deployment: deployment, modelGroup: modelGroup) + ":" + encrypted
        }
        return item
    }

    private func mint(_ kind: ManagedID.Kind, _ objectID: String, deployment: Deployment, modelGroup: String) -> String {
        codec.mint(ManagedID(kind: kind, provider: deployment.provider, deploymentID: deployment.id, modelGroup: modelGroup, objectID: objectID))
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
