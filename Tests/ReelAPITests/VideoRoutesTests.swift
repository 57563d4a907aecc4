import Foundation
import Hummingbird
import NIOCore
import ReelAPI
import HTTPTypes
import ReelQueue
import ReelRouting
import ReelStorage
import Testing
import ReelTesting
import ReelVideo
import ReelConfiguration

struct VideoRoutesTests {
    static let nullableFields = ["completed_at", "expires_at", "prompt", "remixed_from_video_id", "error"]

    @Test(arguments: ["/v1/videos", "/videos"])
    func createFromJSONAnswersAQueuedVideoAndEnqueuesOneJob(path: String) async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let response = try await client.json(.post, path, body: #"{"prompt":"A calico cat","model":"sora-2","seconds":"8","size":"1280x720"}"#)
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("x-request-id")!] != nil)
            let video = try response.object()
            let id = try #require(video["id"] as? String)
            #expect(id.hasPrefix("video_"))
            #expect(video["object"] as? String == "video")
            #expect(video["status"] as? String == "queued")
            #expect(video["progress"] as? Int == 0)
            #expect(video["seconds"] as? String == "8")
            #expect(video["size"] as? String == "1280x720")
            #expect(video["model"] as? String == "sora-2")
            for field in Self.nullableFields { #expect(video.keys.contains(field), "missing \(field)") }
            #expect(video["completed_at"] is NSNull)
            let jobs = try await harness.front.queue.jobs(owner: "master", after: nil, limit: 10, descending: true).jobs
            #expect(jobs.count == 1)
            let payload = try JSONDecoder().decode(VideoJobPayload.self, from: Data(try #require(jobs.first).payload.utf8))
            #expect(payload.kind == .generate && payload.prompt == "A calico cat" && payload.seconds == "8")
            #expect(jobs.first?.type == "generate")
            let record = try JSONDecoder().decode(VideoRecord.self, from: Data(try #require(jobs.first?.record).utf8))
            #expect(record.id == id && record.owner == "master" && record.status == .queued)
            #expect(TestFront.deployments["sora-2"]!.contains(record.deploymentID))
        }
    }

    @Test func createFromSDKMultipartWithFileAndBracketKeys() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            var form = Multipart()
            form.field("prompt", "A cat")
            form.field("model", "sora-2")
            form.field("seconds", "4")
            form.file("input_reference", filename: "ref.png", contentType: "image/png", Array(repeating: 7, count: 5000))
            let response = try await client.multipart("/v1/videos", form)
            #expect(response.status == .ok)
            let job = try #require(try await harness.front.queue.jobs(owner: "master", after: nil, limit: 1, descending: true).jobs.first)
            let payload = try JSONDecoder().decode(VideoJobPayload.self, from: Data(job.payload.utf8))
            guard case .upload(let blob)? = payload.inputReference else {
                Issue.record("expected an uploaded input reference")
                return
            }
            #expect(blob.contentType == "image/png" && blob.filename == "ref.png" && blob.size == 5000)
            let path = try #require(try harness.front.blobs.path(for: blob.key))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 7, count: 5000))

            var bracket = Multipart()
            bracket.field("prompt", "Mossy waves")
            bracket.field("input_reference[image_url]", "https://example.com/a.png")
            let second = try await client.multipart("/v1/videos", bracket)
            #expect(second.status == .ok)
            let job2 = try #require(try await harness.front.queue.jobs(owner: "master", after: nil, limit: 1, descending: true).jobs.first)
            let payload2 = try JSONDecoder().decode(VideoJobPayload.self, from: Data(job2.payload.utf8))
            #expect(payload2.inputReference == .imageURL("https://example.com/a.png"))
        }
    }

    @Test func unknownFieldsAreKeptForTheWorkerAsAJSONObject() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            func lastExtraBody() async throws -> String? {
                let job = try #require(try await harness.front.queue.jobs(owner: "master", after: nil, limit: 1, descending: true).jobs.first)
                return try JSONDecoder().decode(VideoJobPayload.self, from: Data(job.payload.utf8)).extraBody
            }
            let json = try await client.json(
                .post, "/v1/videos", body: #"{"prompt":"A cat","seconds":"4","quality":"high","metadata":{"tag":"x"}}"#
            )
            #expect(json.status == .ok)
            #expect(try await lastExtraBody() == #"{"metadata":{"tag":"x"},"quality":"high"}"#)

            var form = Multipart()
            form.field("prompt", "A cat")
            form.field("input_reference[image_url]", "https://example.com/a.png")
            form.field("quality", "high")
            form.field("style[mood]", "dark")
            form.field("odd[][x]", "dropped: only name[key] nests")
            #expect(try await client.multipart("/v1/videos", form).status == .ok)
            #expect(try await lastExtraBody() == #"{"quality":"high","style":{"mood":"dark"}}"#)

            #expect(try await client.json(.post, "/v1/videos", body: #"{"prompt":"A cat","size":"1280x720"}"#).status == .ok)
            #expect(try await lastExtraBody() == nil)
        }
    }

    @Test func jobsCarryTheDeadlineOfTheirType() async throws {
        #expect(Set(VideoJobKind.allCases.map(\.rawValue)) == ReelSettings.Budgets.jobTypes, "the configuration names every job type")
        let options = APIOptions(jobLimits: JobLimits(deadline: .seconds(3600)), deadlines: [.generate: .seconds(42)])
        #expect(options.jobLimits(for: .edit).deadline == .seconds(3600))
        let harness = try TestFront(options: options)
        try await harness.test { client in
            #expect(try await client.json(.post, "/v1/videos", body: #"{"prompt":"A cat"}"#).status == .ok)
            let job = try #require(try await harness.front.queue.jobs(owner: "master", after: nil, limit: 1, descending: true).jobs.first)
            #expect(job.limits.deadline == .seconds(42))
        }
    }

    @Test func retrieveListAndDelete() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            var ids: [String] = []
            for n in 0..<3 {
                let created = try await client.json(.post, "/v1/videos", body: #"{"prompt":"clip \#(n)"}"#)
                ids.append(try #require(try created.object()["id"] as? String))
            }
            let status = try await client.json(.get, "/v1/videos/\(ids[0])")
            #expect(status.status == .ok)
            #expect(status.headers[HTTPField.Name("openai-poll-after-ms")!] == "1000")
            #expect(try status.object()["prompt"] as? String == "clip 0")

            let page = try await client.json(.get, "/v1/videos?limit=2")
            let list = try page.object()
            #expect(list["object"] as? String == "list")
            #expect((list["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [ids[2], ids[1]])
            #expect(list["first_id"] as? String == ids[2] && list["last_id"] as? String == ids[1])
            #expect(list["has_more"] as? Bool == true)
            let next = try await client.json(.get, "/v1/videos?limit=2&after=\(ids[1])").object()
            #expect((next["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [ids[0]])
            #expect(next["has_more"] as? Bool == false)
            let ascending = try await client.json(.get, "/videos?order=asc").object()
            #expect((ascending["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ids)

            let deleted = try await client.json(.delete, "/v1/videos/\(ids[0])")
            #expect(deleted.status == .ok)
            let answer = try deleted.object()
            #expect(answer["id"] as? String == ids[0] && answer["object"] as? String == "video.deleted" && answer["deleted"] as? Bool == true)
            #expect(try await client.json(.get, "/v1/videos/\(ids[0])").status == .notFound)
            let after = try await client.json(.get, "/v1/videos").object()
            #expect((after["data"] as? [[String: Any]])?.count == 2)
        }
    }

    @Test func contentStreamsTheStoredVariantWithRanges() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let id = try #require(try await client.json(.post, "/v1/videos", body: #"{"prompt":"x"}"#).object()["id"] as? String)
            let notReady = try await client.json(.get, "/v1/videos/\(id)/content")
            #expect(notReady.status == .badRequest)
            _ = try notReady.envelope()

            // Finish the job as a worker would: content in the blob store, record completed.
            let claimed = try #require(try await harness.front.queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .zero).first)
            var record = try JSONDecoder().decode(VideoRecord.self, from: Data(try #require(claimed.job.record).utf8))
            let bytes = Array((0..<1000).map { UInt8($0 % 251) })
            let temporary = harness.front.blobs.makeTemporaryPath()
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            _ = try await harness.front.blobs.commit(temporaryPath: temporary, as: "results/\(id)/video")
            record.status = .completed
            record.progress = 100
            record.variants = ["video"]
            try await harness.front.queue.complete(claimed.lease, record: String(decoding: try JSONEncoder().encode(record), as: UTF8.self))

            let whole = try await client.json(.get, "/v1/videos/\(id)/content")
            #expect(whole.status == .ok)
            #expect(whole.headers[.contentType] == "video/mp4")
            #expect(Array(whole.body.readableBytesView) == bytes)
            let part = try await client.json(.get, "/v1/videos/\(id)/content?variant=video", headers: [.range: "bytes=10-19"])
            #expect(part.status == .partialContent)
            #expect(part.headers[.contentRange] == "bytes 10-19/1000")
            #expect(Array(part.body.readableBytesView) == Array(bytes[10...19]))
            let missing = try await client.json(.get, "/v1/videos/\(id)/content?variant=thumbnail")
            #expect(missing.status == .notFound)
            let bad = try await client.json(.get, "/v1/videos/\(id)/content?variant=poster")
            #expect(bad.status == .badRequest)
            #expect(try await client.json(.get, "/v1/videos/\(id)/content", headers: [.range: "bytes=5000-"]).status == .rangeNotSatisfiable)
        }
    }

    @Test func followUpsArePinnedToTheSourceDeployment() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let source = try #require(try await client.json(.post, "/v1/videos", body: #"{"prompt":"a"}"#).object()["id"] as? String)
            let sourceJob = try #require(try await harness.front.queue.jobs(owner: "master", after: nil, limit: 1, descending: true).jobs.first)
            let sourceDeployment = try JSONDecoder().decode(VideoJobPayload.self, from: Data(sourceJob.payload.utf8)).deploymentID
            for _ in 0..<4 {
                for (path, body) in [
                    ("/v1/videos/edits", #"{"video":{"id":"\#(source)"},"prompt":"add a hat"}"#),
                    ("/v1/videos/extensions", #"{"video":{"id":"\#(source)"},"prompt":"continue","seconds":"16"}"#),
                    ("/v1/videos/\(source)/remix", #"{"prompt":"at night"}"#),
                ] {
                    let response = try await client.json(.post, path, body: body)
                    #expect(response.status == .ok, "\(path)")
                    let job = try #require(try await harness.front.queue.jobs(owner: "master", after: nil, limit: 1, descending: true).jobs.first)
                    let payload = try JSONDecoder().decode(VideoJobPayload.self, from: Data(job.payload.utf8))
                    #expect(payload.deploymentID == sourceDeployment && payload.sourceVideoID == source)
                }
            }
            let remix = try await client.json(.post, "/v1/videos/\(source)/remix", body: #"{"prompt":"again"}"#).object()
            #expect(remix["remixed_from_video_id"] as? String == source)
            var multipart = Multipart()
            multipart.field("prompt", "p")
            multipart.field("video[id]", source)
            #expect(try await client.multipart("/v1/videos/edits", multipart).status == .ok)
        }
    }

    @Test func charactersPinTheGenerationAndTwoDeploymentsAreRefused() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            var characterIDs: [String: [String]] = [:]
            var attempts = 0
            while characterIDs.count < 2, attempts < 20 {
                attempts += 1
                var form = Multipart()
                form.field("name", "Mossy")
                form.file("video", filename: "clip.mp4", contentType: "video/mp4", [1, 2, 3, 4])
                let response = try await client.multipart("/v1/videos/characters", form)
                #expect(response.status == .ok)
                let object = try response.object()
                #expect(object["name"] as? String == "Mossy" && object["status"] as? String == "queued" && object["created_at"] is Int)
                let id = try #require(object["id"] as? String)
                let job = try #require(try await harness.front.queue.jobs(owner: "master#characters", after: nil, limit: 1, descending: true).jobs.first)
                let deployment = try JSONDecoder().decode(VideoJobPayload.self, from: Data(job.payload.utf8)).deploymentID
                characterIDs[deployment, default: []].append(id)
                let read = try await client.json(.get, "/v1/videos/characters/\(id)")
                #expect(read.status == .ok)
                #expect(try read.object()["id"] as? String == id)
            }
            let (deployment, ids) = try #require(characterIDs.first)
            let pinned = try await client.json(.post, "/v1/videos", body: #"{"prompt":"Mossy waves","characters":[{"id":"\#(ids[0])"}]}"#)
            #expect(pinned.status == .ok)
            let job = try #require(try await harness.front.queue.jobs(owner: "master", after: nil, limit: 1, descending: true).jobs.first)
            let payload = try JSONDecoder().decode(VideoJobPayload.self, from: Data(job.payload.utf8))
            #expect(payload.deploymentID == deployment && payload.characterIDs == [ids[0]])

            var bracket = Multipart()
            bracket.field("prompt", "Mossy")
            bracket.field("characters[][id]", ids[0])
            #expect(try await client.multipart("/v1/videos", bracket).status == .ok)

            let other = try #require(characterIDs.first { $0.key != deployment }?.value.first)
            let before = try await harness.jobCount()
            let mixed = try await client.json(.post, "/v1/videos", body: #"{"prompt":"both","characters":[{"id":"\#(ids[0])"},{"id":"\#(other)"}]}"#)
            #expect(mixed.status == .badRequest)
            #expect((try mixed.envelope()["message"] as? String)?.contains("different deployments") == true)
            #expect(try await harness.jobCount() == before)
        }
    }

    @Test func idempotencyKeyReturnsTheFirstAnswerAndEnqueuesOnce() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let body = #"{"prompt":"once"}"#
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "abc-123"]
            let first = try await client.json(.post, "/v1/videos", body: body, headers: key)
            let second = try await client.json(.post, "/v1/videos", body: body, headers: key)
            #expect(first.status == .ok && second.status == .ok)
            #expect(try first.object()["id"] as? String == (try second.object()["id"] as? String))
            #expect(try await harness.jobCount() == 1)
            let other = try await client.json(.post, "/v1/videos", body: #"{"prompt":"twice"}"#, headers: key)
            #expect(other.status == .conflict)
            #expect((try other.envelope()["message"] as? String)?.contains("Idempotency-Key") == true)
            #expect(try await harness.jobCount() == 1)
        }
    }
}
