/// What ``VideoJobRunner`` got when it asked a deployment for a slot: the call's value, or the wait the gate asked for.
enum SlotAdmission<Value> {
    /// The call ran inside a slot of `deployment`.
    case ran(Value, on: VideoDeployment)
    /// No deployment admitted the call now; try again after this wait.
    case refused(retryAfter: Duration)
}
