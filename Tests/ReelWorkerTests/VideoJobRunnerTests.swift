import Foundation
import ReelHTTP
import ReelProviders
import ReelQueue
import ReelStorage
import Testing
import ReelTesting

import ReelWorker
import ReelVideo
import ReelTime

struct VideoJobRunnerTests {
    @Test func generateSubmitsPollsFetchesAndCompletes() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 3, clock: clock)
        let id = try await harness.enqueue(.generate)

        try await harness.tick()
        var snapshot = try #require(try await harness.queue.job(id: id))
        #expect(snapshot.state == .scheduled)
        let step = try JSONDecoder().decode(VideoJobStep.self, from: Data(try #require(snapshot.stepState).utf8))
        #expect(step.phase == .poll)
        #expect(step.providerObjectID == "dep-a_video_1")
        #expect(try await harness.record(id).providerObjectID == "dep-a_video_1")

        try await harness.tick()
        let polled = try await harness.record(id)
        #expect(polled.status == .inProgress)
        #expect(polled.progress == 33)

        snapshot = try await harness.runUntilFinished(id)
        #expect(snapshot.state == .done)
        #expect(snapshot.attempts == 0)
        #expect(snapshot.polls == 3)
        let record = try await harness.record(id)
        #expect(record.status == .completed)
        #expect(record.progress == 100)
        #expect(record.completedAt != nil)
        #expect(record.expiresAt == 2_000_000_000)
        #expect(record.variants == ["video", "thumbnail", "spritesheet"])
        let provider = harness.provider("dep-a")
        #expect(await provider.calls(.create) == 1)
        #expect(await provider.createsPerKey == ["reel-\(id)": 1])
        #expect(await provider.calls(.retrieve) == 3)
        let path = try #require(try harness.blobs.path(for: VideoBlobKey.result(videoID: record.id, variant: .thumbnail)))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "dep-a_video_1:thumbnail")
    }

    @Test func pollIntervalsGrowWithJitterUpToTheCeiling() throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(clock: clock)
        var step = VideoJobStep()
        let intervals = (0..<5).map { _ in harness.runner.nextPollInterval(&step).milliseconds }
        #expect((9...11).contains(intervals[0]))
        #expect((18...22).contains(intervals[1]))
        #expect((36...44).contains(intervals[2]))
        #expect((36...44).contains(intervals[4]))
    }

    @Test func transientSubmitErrorIsRetriedAfterRetryAfter() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, clock: clock)
        let id = try await harness.enqueue(.generate)
        await harness.provider("dep-a").failNext(
            .create,
            with: ProviderError(.transient, httpStatus: 429, retryAfter: .milliseconds(400), code: "rate_limited", message: "slow down")
        )
        try await harness.tick()
        var snapshot = try #require(try await harness.queue.job(id: id))
        #expect(snapshot.state == .scheduled)
        #expect(snapshot.attempts == 1)
        #expect(snapshot.lastError?.contains("rate_limited") == true)
        // Not due one millisecond before the provider's Retry-After, due once the backoff's ceiling has passed too.
        clock.advance(by: .milliseconds(399))
        #expect(try await harness.queue.claim(workerID: "w1", max: 1, lease: .seconds(5), wait: .zero).isEmpty)
        clock.advance(by: .milliseconds(51))
        let retried = try #require(try await harness.queue.claim(workerID: "w1", max: 1, lease: .seconds(5), wait: .zero).first)
        #expect(retried.job.id == id)
        try await harness.runner.run(retried)
        snapshot = try await harness.runUntilFinished(id)
        #expect(snapshot.state == .done)
        #expect(await harness.provider("dep-a").calls(.create) == 2)
        #expect(await harness.provider("dep-a").createsPerKey == ["reel-\(id)": 1])
    }

    @Test func transientPollErrorsAreNotAttempts() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 2, clock: clock)
        let id = try await harness.enqueue(.generate)
        await harness.provider("dep-a").failNext(.retrieve, with: ProviderError(.transient, httpStatus: 500, message: "boom"), times: 3)
        let snapshot = try await harness.runUntilFinished(id)
        #expect(snapshot.state == .done)
        #expect(snapshot.attempts == 0)
        #expect(try await harness.record(id).status == .completed)
    }

    @Test func exhaustedAttemptsDeadLetterWithAClearError() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(clock: clock)
        let id = try await harness.enqueue(.generate, limits: JobLimits(maxAttempts: 3, baseBackoff: .milliseconds(5), maxBackoff: .milliseconds(10)))
        await harness.provider("dep-a").failNext(.create, with: ProviderError(.transient, httpStatus: 500, message: "always down"), times: 10)
        let snapshot = try await harness.runUntilFinished(id)
        #expect(snapshot.state == .dead)
        #expect(try await harness.queue.deadJobs(limit: 10).map(\.id).contains(id))
        let record = try await harness.record(id)
        #expect(record.status == .failed)
        #expect(record.error?.code == "attempts_exhausted")
        #expect(record.error?.message.contains("always down") == true)
    }

    @Test func anUploadIsDeletedOnceItsJobHasEndedAndKeptForAReplay() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, clock: clock)
        func enqueueWithUpload(limits: JobLimits = JobLimits(maxAttempts: 2, baseBackoff: .milliseconds(5), maxBackoff: .milliseconds(10))) async throws -> (id: String, key: String) {
            let id = UUID().uuidString
            let key = VideoBlobKey.upload(jobID: id, field: "input_reference")
            let file = harness.blobs.makeTemporaryPath()
            _ = FileManager.default.createFile(atPath: file, contents: Data("png!".utf8))
            _ = try await harness.blobs.commit(temporaryPath: file, as: key)
            _ = try await harness.enqueue(.generate, id: id, limits: limits) {
                $0.inputReference = .upload(BlobReference(key: key, contentType: "image/png", filename: "cat.png", size: 4))
            }
            return (id, key)
        }

        let completed = try await enqueueWithUpload()
        #expect(try await harness.runUntilFinished(completed.id).state == .done)
        #expect(try await harness.record(completed.id).status == .completed)
        #expect(try harness.blobs.path(for: completed.key) == nil, "completed: nothing reads the upload again")

        await harness.provider("dep-a").failNext(.create, with: ProviderError(.permanent, httpStatus: 400, message: "bad prompt"))
        let failed = try await enqueueWithUpload()
        #expect(try await harness.runUntilFinished(failed.id).state == .done)
        #expect(try await harness.record(failed.id).status == .failed)
        #expect(try harness.blobs.path(for: failed.key) == nil, "failed for good: nothing reads the upload again")

        await harness.provider("dep-a").failNext(.create, with: ProviderError(.transient, httpStatus: 500, message: "down"), times: 10)
        let dead = try await enqueueWithUpload()
        #expect(try await harness.runUntilFinished(dead.id).state == .dead)
        #expect(try harness.blobs.path(for: dead.key) != nil, "dead-lettered: a replay sends the upload again")
    }

    @Test func providerThatKeepsFailingPollsDeadLetters() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(clock: clock)
        let id = try await harness.enqueue(.generate, limits: JobLimits(maxAttempts: 3, baseBackoff: .milliseconds(5), maxBackoff: .milliseconds(10)))
        await harness.provider("dep-a").failNext(.retrieve, with: ProviderError(.transient, httpStatus: 503, message: "unavailable"), times: 10)
        let snapshot = try await harness.runUntilFinished(id)
        #expect(snapshot.state == .dead)
        #expect(try await harness.record(id).error?.code == "provider_unavailable")
    }

    @Test func fetchKeepsStoredVariantsAcrossATransientError() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, clock: clock)
        let provider = harness.provider("dep-a")
        await provider.failNextDownload(of: .spritesheet, with: ProviderError(.transient, httpStatus: 503, message: "busy"))
        let id = try await harness.enqueue(.generate)
        let snapshot = try await harness.runUntilFinished(id)
        #expect(snapshot.state == .done)
        #expect(snapshot.attempts == 0)
        #expect(try await harness.record(id).variants == ["video", "thumbnail", "spritesheet"])
        // video, thumbnail, the failed spritesheet, then only the spritesheet again.
        #expect(await provider.calls(.download) == 4)
    }

    @Test func missingOptionalVariantIsSkipped() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, clock: clock)
        await harness.provider("dep-a").failNextDownload(of: .thumbnail, with: ProviderError(.permanent, httpStatus: 404, message: "no thumbnail"))
        let id = try await harness.enqueue(.generate)
        #expect(try await harness.runUntilFinished(id).state == .done)
        let record = try await harness.record(id)
        #expect(record.status == .completed)
        #expect(record.variants == ["video", "spritesheet"])
    }

    @Test func providerFailurePassesItsErrorThrough() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(clock: clock)
        await harness.provider("dep-a").setFailure(ProviderErrorBody(code: "moderation_blocked", message: "Blocked by moderation."))
        let id = try await harness.enqueue(.generate)
        let snapshot = try await harness.runUntilFinished(id)
        #expect(snapshot.state == .done)
        let record = try await harness.record(id)
        #expect(record.status == .failed)
        #expect(record.error == VideoError(code: "moderation_blocked", message: "Blocked by moderation."))
        #expect(record.completedAt != nil)
    }

    @Test func deadlineEndsTheJobBeforeItsNextPoll() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1_000, clock: clock)
        let id = try await harness.enqueue(.generate, limits: JobLimits(deadline: .seconds(1)))
        let snapshot = try await harness.runUntilFinished(id, maxTicks: 1_000)
        #expect(snapshot.state == .dead)
        let record = try await harness.record(id)
        #expect(record.status == .failed)
        #expect(record.error?.code == "deadline_exceeded")
        #expect(await harness.provider("dep-a").deleted == ["dep-a_video_1"])
    }

    @Test func pollBudgetEndsTheJob() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1_000, clock: clock)
        let id = try await harness.enqueue(.generate, limits: JobLimits(maxPolls: 4))
        let snapshot = try await harness.runUntilFinished(id)
        #expect(snapshot.state == .dead)
        #expect(try await harness.record(id).error?.code == "polls_exhausted")
    }

    @Test func generationWaitsForItsCharacterAndGoesToItsDeployment() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, clock: clock)
        let characterJob = try await harness.enqueue(.createCharacter, deployment: "dep-b") {
            $0.characterName = "Mossy"
            $0.characterVideo = BlobReference(key: "uploads/clip", contentType: "video/mp4", filename: "clip.mp4", size: 4)
        }
        let upload = harness.blobs.makeTemporaryPath()
        _ = FileManager.default.createFile(atPath: upload, contents: Data("mp4!".utf8))
        _ = try await harness.blobs.commit(temporaryPath: upload, as: "uploads/clip")
        let generateJob = try await harness.enqueue(.generate, deployment: "dep-a") { $0.characterIDs = ["character_\(characterJob)"] }

        // The generation is claimed first (FIFO), and waits: nothing is sent anywhere.
        #expect(try await harness.tick() == characterJob)
        #expect(try await harness.tick() == generateJob)
        #expect(try await harness.queue.job(id: generateJob)?.state == .scheduled)
        #expect(await harness.provider("dep-a").calls(.create) == 0)
        #expect(await harness.provider("dep-b").calls(.create) == 0)

        let character = try await harness.runUntilFinished(characterJob)
        #expect(character.state == .done)
        let characterRecord = try await harness.record(characterJob)
        #expect(characterRecord.status == .completed)
        #expect(characterRecord.providerObjectID == "dep-b_char_1")

        #expect(try await harness.runUntilFinished(generateJob).state == .done)
        let record = try await harness.record(generateJob)
        #expect(record.status == .completed)
        #expect(record.deploymentID == "dep-b")
        #expect(await harness.provider("dep-b").lastCreate?.characterIDs == ["dep-b_char_1"])
        #expect(await harness.provider("dep-a").calls(.create) == 0)
    }

    @Test func followUpFailsNamingItsFailedInput() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, clock: clock)
        await harness.provider("dep-c").setFailure(ProviderErrorBody(code: "moderation_blocked", message: "Blocked."))
        let source = try await harness.enqueue(.generate, deployment: "dep-c")
        let edit = try await harness.enqueue(.edit, deployment: "dep-c") { $0.sourceVideoID = "video_\(source)" }
        #expect(try await harness.runUntilFinished(source).state == .done)
        #expect(try await harness.runUntilFinished(edit).state == .done)
        let record = try await harness.record(edit)
        #expect(record.status == .failed)
        #expect(record.error?.code == "input_failed")
        #expect(record.error?.message.contains("video_\(source)") == true)
        #expect(await harness.provider("dep-c").calls(.edit) == 0)
    }

    @Test func remixGoesToTheSourceVideosDeploymentAndProviderObject() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, clock: clock)
        let source = try await harness.enqueue(.generate, deployment: "dep-c")
        #expect(try await harness.runUntilFinished(source).state == .done)
        let remix = try await harness.enqueue(.remix, deployment: "dep-a") { $0.sourceVideoID = "video_\(source)" }
        #expect(try await harness.runUntilFinished(remix).state == .done)
        #expect(await harness.provider("dep-c").lastRemixSource == "dep-c_video_1")
        #expect(await harness.provider("dep-a").calls(.remix) == 0)
        #expect(try await harness.record(remix).deploymentID == "dep-c")
    }

    @Test func unsubmittedJobMovesOffACoolingDeployment() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(allowedFails: 1, cooldown: .seconds(30), clock: clock), clock: clock)
        await harness.gate.recordFailure(deploymentID: "dep-a")
        let id = try await harness.enqueue(.generate, deployment: "dep-a")
        #expect(try await harness.runUntilFinished(id).state == .done)
        #expect(try await harness.record(id).deploymentID == "dep-b")
        #expect(await harness.provider("dep-a").calls(.create) == 0)
        #expect(await harness.provider("dep-b").calls(.create) == 1)
    }

    @Test func unsubmittedJobMovesOnlyToADeploymentThatCanServeIt() async throws {
        // dep-b is Veo, which renders no 12-second video: the job moves past it to dep-c.
        let clock = ManualClock()
        let harness = try WorkerHarness(
            pollsToComplete: 1, gate: MemoryDeploymentGate(allowedFails: 1, cooldown: .seconds(30), clock: clock),
            capabilities: ["dep-b": .veo(model: "veo-3.1-generate-001")], clock: clock
        )
        await harness.gate.recordFailure(deploymentID: "dep-a")
        let id = try await harness.enqueue(.generate, deployment: "dep-a") { $0.seconds = "12" }
        #expect(try await harness.runUntilFinished(id).state == .done)
        #expect(try await harness.record(id).deploymentID == "dep-c")
        #expect(await harness.provider("dep-b").calls(.create) == 0)
    }

    @Test func onlyTheVariantsTheProviderProducesAreFetched() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, capabilities: ["dep-a": .veo(model: "veo-3.1-generate-001")], clock: clock)
        let id = try await harness.enqueue(.generate, deployment: "dep-a")
        #expect(try await harness.runUntilFinished(id).state == .done)
        #expect(try await harness.record(id).variants == ["video"])
        #expect(await harness.provider("dep-a").calls(.download) == 1, "no thumbnail or spritesheet asked of Veo")
    }

    @Test(arguments: [
        ProviderError(.transient, httpStatus: 500, message: "created, then crashed"),
        ProviderError(.transient, message: "timed out", underlying: HTTPTransportError(.timeout, message: "no answer in 60 s")),
    ])
    func submitWithoutAnAnswerRetriesOnItsDeploymentOnly(_ error: ProviderError) async throws {
        // The failure starts a cooldown on dep-a, so a movable job would go to dep-b; this one may own an object on
        // dep-a already and waits for it, re-sending the same idempotency key.
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(allowedFails: 1, cooldown: .milliseconds(300), clock: clock), clock: clock)
        let id = try await harness.enqueue(.generate, deployment: "dep-a")
        await harness.provider("dep-a").failNext(.create, with: error)
        #expect(try await harness.runUntilFinished(id).state == .done)
        #expect(try await harness.record(id).deploymentID == "dep-a")
        #expect(await harness.provider("dep-a").calls(.create) == 2)
        #expect(await harness.provider("dep-b").calls(.create) == 0)
        #expect(await harness.provider("dep-c").calls(.create) == 0)
        #expect(try await harness.queue.job(id: id)?.attempts == 1, "still an attempt")
    }

    @Test func jobResumedAfterAWorkerWasLostStaysOnItsDeployment() async throws {
        // The lost worker may have created the video on dep-a before it died: the job waits out dep-a's cooldown
        // rather than creating a second video on dep-b.
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(allowedFails: 1, cooldown: .milliseconds(300), clock: clock), clock: clock)
        let id = try await harness.enqueue(.generate, deployment: "dep-a")
        _ = try await harness.queue.claim(workerID: "lost", max: 1, lease: .milliseconds(50), wait: .zero)
        clock.advance(by: .milliseconds(100))
        await harness.gate.recordFailure(deploymentID: "dep-a")
        let finished = try await harness.runUntilFinished(id)
        #expect(finished.state == .done)
        #expect(finished.stalls == 1)
        #expect(try await harness.record(id).deploymentID == "dep-a")
        #expect(await harness.provider("dep-b").calls(.create) == 0)
    }

    @Test func aMoveIsRecordedBeforeTheJobIsSent() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(allowedFails: 1, cooldown: .seconds(30), clock: clock), clock: clock)
        await harness.gate.recordFailure(deploymentID: "dep-a")
        await harness.provider("dep-b").setCreateDelay(.seconds(1))
        let id = try await harness.enqueue(.generate, deployment: "dep-a")
        let tick = Task { try await harness.tick() }
        // While dep-b is still answering the create, the record already names it: a worker resuming the job after
        // a crash would send it there again, under the same idempotency key.
        await harness.provider("dep-b").waitForCall(.create)
        #expect(await harness.provider("dep-b").calls(.create) == 1)
        #expect(try await harness.record(id).deploymentID == "dep-b")
        // The create, asleep on the test's clock, answers.
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        _ = try await tick.value
        #expect(try await harness.runUntilFinished(id).state == .done)
        #expect(await harness.provider("dep-b").calls(.create) == 1)
    }

    @Test func submitThatNeverReachedTheProviderMayMove() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(allowedFails: 1, cooldown: .seconds(30), clock: clock), clock: clock)
        let id = try await harness.enqueue(.generate, deployment: "dep-a")
        let refused = ProviderError(.transient, message: "refused", underlying: HTTPTransportError(.connectionRefused, message: "port closed"))
        await harness.provider("dep-a").failNext(.create, with: refused)
        #expect(try await harness.runUntilFinished(id).state == .done)
        #expect(try await harness.record(id).deploymentID != "dep-a")
        #expect(await harness.provider("dep-a").calls(.create) == 1)
    }

    @Test func aShutdownDuringASubmitHandsTheJobBackPinnedToItsDeployment() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(allowedFails: 1, cooldown: .seconds(30), clock: clock), clock: clock)
        await harness.provider("dep-a").setCreateDelay(.seconds(3600))
        let id = try await harness.enqueue(.generate, deployment: "dep-a")
        let claimed = try #require(try await harness.claimNext())
        // The grace period of a shutdown ends while dep-a has the create and has not answered: the tick is cancelled.
        let tick = Task { try await harness.runner.run(claimed) }
        await harness.provider("dep-a").waitForCall(.create)
        tick.cancel()
        do {
            try await tick.value
        } catch is CancellationError {
            // What the worker does with a tick that ends cancelled: its lease goes back to the queue.
            try await harness.queue.release(claimed.lease)
        }
        let handedBack = try #require(try await harness.queue.job(id: id))
        #expect(handedBack.state == .scheduled)
        #expect(handedBack.attempts == 0)

        // dep-a cools down: a job handed back without its step state would move to dep-b and be created there too.
        await harness.gate.recordFailure(deploymentID: "dep-a")
        await harness.provider("dep-a").setCreateDelay(.zero)
        #expect(try await harness.runUntilFinished(id).state == .done)
        #expect(try await harness.record(id).deploymentID == "dep-a")
        #expect(await harness.provider("dep-b").calls(.create) == 0)
        #expect(await harness.provider("dep-a").calls(.create) == 2, "sent again to dep-a, under the same idempotency key")
        #expect(await harness.provider("dep-a").createsPerKey.keys.sorted() == ["reel-\(id)"])
    }

    @Test func submittedJobNeverMovesAndWaitsOutTheCooldown() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(allowedFails: 1, cooldown: .milliseconds(300), clock: clock), clock: clock)
        let id = try await harness.enqueue(.generate, deployment: "dep-a")
        try await harness.tick()
        await harness.gate.recordFailure(deploymentID: "dep-a")
        #expect(try await harness.runUntilFinished(id).state == .done)
        let record = try await harness.record(id)
        #expect(record.deploymentID == "dep-a")
        #expect(record.status == .completed)
        #expect(await harness.provider("dep-b").calls(.retrieve) == 0)
        #expect(await harness.provider("dep-a").calls(.retrieve) == 1)
    }

    @Test func rpmLimitDefersAPinnedSubmitWithoutAnAttempt() async throws {
        let limits = ["dep-a": MemoryDeploymentGate.Limits(rpm: 1)]
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(limits: limits, clock: clock), clock: clock)
        _ = await harness.gate.acquire(deploymentID: "dep-a")
        let pinned = try await harness.enqueue(.generate, deployment: "dep-a") { $0.inputReference = .fileID("file_1") }
        try await harness.tick()
        let waiting = try #require(try await harness.queue.job(id: pinned))
        #expect(waiting.state == .scheduled)
        #expect(waiting.attempts == 0)
        #expect(await harness.provider("dep-a").calls(.create) == 0)
    }

    @Test func finishedPollFetchesTheContentUnderItsOwnSlot() async throws {
        // Two requests a minute: the submit takes one, the poll that finds the video finished the other, and the
        // downloads run under the poll's slot rather than waiting a minute for a third.
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, gate: MemoryDeploymentGate(limits: ["dep-a": .init(rpm: 2)], clock: clock), clock: clock)
        let id = try await harness.enqueue(.generate, deployment: "dep-a") { $0.inputReference = .fileID("file_1") }
        try await harness.tick()
        try await harness.tick()
        #expect(try #require(try await harness.queue.job(id: id)).state == .done)
        let record = try await harness.record(id)
        #expect(record.status == .completed)
        #expect(record.variants == ["video", "thumbnail", "spritesheet"])
        #expect(await harness.provider("dep-a").calls(.retrieve) == 1)
        #expect(await harness.provider("dep-a").calls(.download) == 3)
    }

    @Test func cancelRequestedAtClaimCancelsAtTheProviderAndMarksDeleted() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 5, clock: clock)
        let id = try await harness.enqueue(.generate)
        try await harness.tick()
        let claimed = try #require(try await harness.claimNext())
        #expect(try await harness.queue.cancel(id: id) == .requested)
        let flag = CancellationFlag()
        flag.set()
        try await harness.runner.run(claimed, cancellation: flag)
        let record = try await harness.record(id)
        #expect(record.deleted)
        #expect(await harness.provider("dep-a").deleted == ["dep-a_video_1"])
        #expect(await harness.provider("dep-a").calls(.retrieve) == 0)
    }

    /// A cancel can land after a tick's last heartbeat: the tick never sees it and snoozes, and the queue ends the job
    /// there, without the runner's cancel path. The delete job the front queues with every cancel of a running job
    /// still deletes the video at the provider.
    @Test func aCancelTheTickMissesIsDeletedAtTheProviderByTheDeleteJob() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 5, clock: clock)
        let source = try await harness.enqueue(.generate)
        try await harness.tick()
        let claimed = try #require(try await harness.claimNext())
        #expect(try await harness.queue.cancel(id: source) == .requested)
        try await harness.runner.run(claimed, cancellation: CancellationFlag())
        #expect(try await harness.queue.job(id: source)?.state == .cancelled)
        #expect(await harness.provider("dep-a").deleted.isEmpty)

        let delete = try await harness.enqueue(.delete) { $0.sourceVideoID = "video_\(source)" }
        #expect(try await harness.runUntilFinished(delete).state == .done)
        #expect(await harness.provider("dep-a").deleted == ["dep-a_video_1"])
        #expect(try await harness.record(source).deleted)
    }

    @Test func deleteJobDeletesAtTheProviderAndDropsContent() async throws {
        let clock = ManualClock()
        let harness = try WorkerHarness(pollsToComplete: 1, clock: clock)
        let source = try await harness.enqueue(.generate, deployment: "dep-b")
        #expect(try await harness.runUntilFinished(source).state == .done)
        let key = VideoBlobKey.result(videoID: "video_\(source)", variant: .video)
        #expect(try harness.blobs.path(for: key) != nil)
        let delete = try await harness.enqueue(.delete, deployment: "dep-b") { $0.sourceVideoID = "video_\(source)" }
        #expect(try await harness.runUntilFinished(delete).state == .done)
        #expect(await harness.provider("dep-b").deleted == ["dep-b_video_1"])
        #expect(try harness.blobs.path(for: key) == nil)
        #expect(try await harness.record(source).deleted)
    }
}
