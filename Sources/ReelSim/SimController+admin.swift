import Hummingbird

extension SimController {
    /// Adds the simulator's own routes under `/sim`: `GET stats`, `POST reset`, `POST faults`. They need no key
    /// and never see injected faults.
    func addAdminRoutes(to group: RouterGroup<Context>) {
        group.get("stats") { _, _ in try json(simulator.stats) }
        group.post("reset") { _, _ in
            simulator.reset()
            return try json(simulator.stats)
        }
        group.post("faults") { request, _ in
            let form = try await SimForm.read(request, maxBytes: SimForm.jsonLimit)
            try rejectUnknown(form, allowed: ["faults[]"])
            let faults = try form.strings("faults[]").map { name in
                guard let fault = SimFault(name: name) else {
                    throw SimError.invalidRequest(
                        "Unknown fault '\(name)'. Known faults: rate_limit, server_error, slow, hang, moderation, failure.",
                        param: "faults"
                    )
                }
                return fault
            }
            simulator.injectFaults(faults)
            return try json(["queued": faults.count])
        }
    }
}
