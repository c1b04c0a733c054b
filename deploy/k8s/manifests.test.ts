/**
 * The Kubernetes manifests, parsed: what an operator relies on (probes, non-root, read-only root FS with
 * the one writable dir nginx needs, Service → pod port, Ingress → Service) and that they agree with the
 * image (deploy/Containerfile) and the nginx config it runs (CONTAINER_PARAMS).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { CONTAINER_PARAMS } from '../nginx/renderNginxConf.ts'

const dir = new URL('./', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8')

// Minimal shapes of what is checked; anything else in the files is free.
interface Probe {
  httpGet: { path: string; port: string | number }
}
interface Container {
  name: string
  image: string
  env?: { name: string; value: string }[]
  ports: { name: string; containerPort: number }[]
  readinessProbe: Probe
  livenessProbe: Probe
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> }
  securityContext: {
    allowPrivilegeEscalation: boolean
    readOnlyRootFilesystem: boolean
    capabilities: { drop: string[] }
    runAsNonRoot?: boolean
  }
  volumeMounts: { name: string; mountPath: string }[]
}
interface Deployment {
  kind: 'Deployment'
  metadata: { name: string }
  spec: {
    replicas: number
    selector: { matchLabels: Record<string, string> }
    template: {
      metadata: { labels: Record<string, string> }
      spec: {
        securityContext: { runAsNonRoot: boolean; runAsUser: number }
        containers: Container[]
        volumes: { name: string; emptyDir?: object }[]
      }
    }
  }
}
interface Service {
  kind: 'Service'
  metadata: { name: string }
  spec: {
    selector: Record<string, string>
    ports: { name: string; port: number; targetPort: string | number }[]
  }
}
interface Ingress {
  kind: 'Ingress'
  spec: {
    tls: { hosts: string[]; secretName: string }[]
    rules: {
      host: string
      http: {
        paths: {
          path: string
          pathType: string
          backend: { service: { name: string; port: { name?: string; number?: number } } }
        }[]
      }
    }[]
  }
}

function parse<T>(name: string): T {
  const docs = parseAllDocuments(read(name))
  expect(docs).toHaveLength(1)
  const doc = docs[0]!
  expect(doc.errors, `${name} parses`).toEqual([])
  return doc.toJS() as T
}

const deployment = parse<Deployment>('deployment.yaml')
const service = parse<Service>('service.yaml')
const ingress = parse<Ingress>('ingress.yaml')
const pod = deployment.spec.template.spec
const console_ = pod.containers[0]!

describe('Deployment', () => {
  it('runs more than one replica of the image, pods matching its selector', () => {
    expect(deployment.kind).toBe('Deployment')
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2)
    expect(pod.containers).toHaveLength(1)
    expect(console_.image).toMatch(/^catalyst-console:/)
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels)
  })

  it('probes /healthz (answered by nginx itself) on the port nginx listens on', () => {
    const http = console_.ports.find((p) => p.name === 'http')!
    expect(http.containerPort).toBe(Number(CONTAINER_PARAMS.listen))
    for (const probe of [console_.readinessProbe, console_.livenessProbe]) {
      expect(probe.httpGet.path).toBe('/healthz')
      expect([http.name, http.containerPort]).toContain(probe.httpGet.port)
    }
  })

  it('is non-root with a read-only root FS, no privilege escalation and no capabilities', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true)
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0)
    // The image's USER: the manifest and the Containerfile name the same uid.
    expect(read('../Containerfile')).toContain(`USER ${pod.securityContext.runAsUser}:`)
    expect(console_.securityContext.readOnlyRootFilesystem).toBe(true)
    expect(console_.securityContext.allowPrivilegeEscalation).toBe(false)
    expect(console_.securityContext.capabilities.drop).toEqual(['ALL'])
    expect(console_.resources?.limits?.memory).toBeTruthy()
  })

  it('mounts a writable emptyDir exactly where nginx writes (pid, temp files, the upstream)', () => {
    const mount = console_.volumeMounts.find((m) => CONTAINER_PARAMS.runDir.startsWith(m.mountPath))
    expect(mount, `a volume mounted over ${CONTAINER_PARAMS.runDir}`).toBeTruthy()
    const volume = pod.volumes.find((v) => v.name === mount!.name)
    expect(volume?.emptyDir).toBeDefined()
    expect(read('../entrypoint.sh')).toContain(`RUN_DIR="\${CONSOLE_RUN_DIR:-${CONTAINER_PARAMS.runDir}}"`)
  })

  it('names catalyst-api with a plain http URL, as the entrypoint requires', () => {
    const api = console_.env?.find((e) => e.name === 'CATALYST_API_URL')
    expect(api?.value).toMatch(/^http:\/\/[a-z0-9.-]+:\d+$/)
  })
})

describe('Service and Ingress', () => {
  it('the Service selects the pods and targets the container port', () => {
    expect(service.kind).toBe('Service')
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector)
    const port = service.spec.ports[0]!
    expect(console_.ports.map((p) => p.name)).toContain(port.targetPort)
  })

  it('the Ingress routes console.<fqdn>, with TLS, everything to the Service', () => {
    expect(ingress.kind).toBe('Ingress')
    const rule = ingress.spec.rules[0]!
    expect(rule.host).toMatch(/^console\./)
    expect(ingress.spec.tls[0]!.hosts).toContain(rule.host)
    const path = rule.http.paths[0]!
    expect(path).toMatchObject({ path: '/', pathType: 'Prefix' })
    expect(path.backend.service.name).toBe(service.metadata.name)
    expect(service.spec.ports.map((p) => p.name)).toContain(path.backend.service.port.name)
  })

  it('kustomize applies the three manifests', () => {
    const k = parseAllDocuments(read('kustomization.yaml'))[0]!.toJS() as { resources: string[] }
    expect(k.resources.sort()).toEqual(['deployment.yaml', 'ingress.yaml', 'service.yaml'])
  })
})
