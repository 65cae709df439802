// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "git/pushloop.h"
#include "git/repository.h"
#include "manifest/kustomizerunner.h"
#include "template/servicescaffold.h"
#include "template/templateset.h"
#include "util/result.h"
#include "workspace/overlayreview.h"
#include "workspace/workspaceconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gd::ws {

// New services from templates (issue 6, "Flow"): render every environment, validate it with kustomize, review,
// then commit exactly the reviewed files with the push loop. Shared by the CLI `scaffold` command and the wizard.
// Everything here is pure or blocking (git objects, kustomize): call it on a worker thread.

/// The answers of the New Service wizard: one spec for several environments. `spec.environment` is ignored; each
/// entry of `environments` is rendered with the rest of the spec. `spec.cluster` and `spec.namespaceName` name one
/// destination for every environment; left empty (as they start here), each environment deploys where the workspace
/// says it lives.
struct ScaffoldAnswers {
    /// The tags an existing environment runs, which a scaffold keeps (releases change tags, not the wizard).
    struct RunningTags {
        QString ga;
        QString canary;
    };
    /// Where the workspace says an environment deploys.
    struct Destination {
        QString cluster;
        QString nameSpace;
    };

    ScaffoldAnswers() { spec.cluster.clear(); }

    tmpl::ServiceSpec spec;
    QStringList environments;   ///< in the order given; at least one, no duplicates
    /// Per environment that exists already: its running tags (withRunningTags fills it). Not stored.
    QHash<QString, RunningTags> runningTags;
    /// Per environment the workspace knows: its destination (withWorkspaceDestinations fills it). Not stored.
    QHash<QString, Destination> destinations;

    /// The spec for one environment: `spec` with `environment` set, the running tags when it has them, and the
    /// workspace's cluster and namespace where `spec` leaves them empty (the ServiceSpec defaults when the workspace
    /// does not know the environment).
    tmpl::ServiceSpec specFor(const QString &env) const;
};

/// The repository path of the stored answers: "appsmanifests/{service}/.gitops-desk/scaffold.yaml".
QString scaffoldAnswersPath(const QString &service);

/// The answers as the YAML stored next to the service (fixed key order, values quoted, so the same answers always
/// give the same bytes). Pure.
QByteArray answersToYaml(const ScaffoldAnswers &answers);
/// The answers read back from answersToYaml's text; Yaml error naming the line when it does not parse, InvalidInput
/// when a value has the wrong type. Keys it does not know are ignored. Pure.
Result<ScaffoldAnswers> answersFromYaml(const QByteArray &yaml);

/// The answers stored for `service` at `tip` (null tip: an empty repository), so running the wizard again starts from
/// them. NotFound when the service has none. A blob read.
Result<ScaffoldAnswers> loadScaffoldAnswers(const git::Repository &repo, const git::ObjectId &tip,
                                            const QString &service);

/// `answers` with runningTags filled from `tip` for every environment whose GA overlay exists there, so scaffolding
/// an existing service never changes the tags it runs. A few blob reads.
ScaffoldAnswers withRunningTags(const git::Repository &repo, const git::ObjectId &tip, ScaffoldAnswers answers);

/// `answers` with destinations filled from `config` for every environment it names (cluster, namespace pattern
/// expanded for the answers' project and service). Pure.
ScaffoldAnswers withWorkspaceDestinations(const WorkspaceConfig &config, ScaffoldAnswers answers);

/// Checks the answers against the workspace's rules: every environment is one of the workspace's, and a canary stage
/// only goes where the environment allows one. InvalidInput naming the environment. Pure.
Result<void> checkWorkspaceRules(const WorkspaceConfig &config, const ScaffoldAnswers &answers);

/// Checks the answers for every environment (validateSpec's sentences, naming the wrong answer) and the environment
/// list itself. Pure.
Result<void> validateAnswers(const ScaffoldAnswers &answers, const tmpl::TemplateSet &templates);

/// What scaffolding `answers` into `project`'s repo at `tip` (null: an empty repository) would do: renders every
/// environment (answers.specFor; pass withRunningTags' answers so existing environments keep their tags) and the
/// answers file; files that do not exist yet are new (base = nullopt), files that exist and
/// differ show base = theirs = the tip's content and mine = the rendered one, unchanged files are left out (a second
/// run with the same answers has no files). Validates each environment folder as it would land (the tip's folder
/// with the new files written over it) with kustomize; findings name files relative to the service folder
/// ("uat/manifests/base/deployment.yaml"). renderedChanges lists, per environment, the resources that the build adds
/// or changes against the tip's build (everything is Added for a new environment); validation.rendered holds every
/// environment's build, each after a "# {env}" line. review.env is the environments joined by ", ".
/// InvalidInput naming the field for bad answers. Blocking (kustomize runs up to twice per environment).
Result<OverlayReview> previewScaffold(const git::Repository &repo, const git::ObjectId &tip, const QString &project,
                                      const ScaffoldAnswers &answers, const tmpl::TemplateSet &templates,
                                      const manifest::KustomizeRunner &runner);

/// The edit that writes exactly `review`'s files (`mine` of each). On every tip it is applied to, Precondition naming
/// the file when one of them is no longer what the review saw (`theirs`; absent for a new file); InvalidInput when
/// the review has no files (nothing to do).
git::SemanticEdit scaffoldEdit(const OverlayReview &review);

/// The commit message of a scaffold: "Add service orders to uat, prod (template go)" (or "Update service … in …"
/// when every environment existed already), a blank line, then one line per environment with its namespace, cluster,
/// stage level and replicas. Pure.
git::CommitMessage scaffoldMessage(const ScaffoldAnswers &answers, const OverlayReview &review,
                                   const git::Signature &author);

/// The Argo CD Application manifest `yaml` (a rendered application*.yaml) as the JSON object the API's upsert takes:
/// quoted scalars stay strings, plain ones become true/false, numbers or null as YAML 1.2 reads them. Yaml error when
/// it does not parse or is not one mapping. Pure.
Result<QJsonObject> applicationJson(const QByteArray &yaml);

} // namespace gd::ws
