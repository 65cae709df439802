// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/serviceenvfiles.h"

using namespace Qt::Literals::StringLiterals;

namespace gd::test {
namespace {

QByteArray overlayKustomization(const QString &service, const QString &image, const QString &tag,
                                const QString &suffix)
{
    QByteArray text = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\n";
    if (!suffix.isEmpty())
        text += "nameSuffix: " + suffix.toUtf8() + "\n";
    text += "images:\n  - name: " + service.toUtf8() + "\n    newName: " + image.toUtf8() + "\n    newTag: \""
            + tag.toUtf8() + "\"\n";
    return text;
}

} // namespace

QByteArray ServiceEnvFiles::gaKustomization() const
{
    return overlayKustomization(service, image, gaTag, {});
}

void ServiceEnvFiles::addTo(git::FileChanges &changes) const
{
    const QString root = u"appsmanifests/"_s + service + u'/' + env + u"/manifests/"_s;
    const QByteArray name = service.toUtf8();
    changes.write(root + u"kustomization.yaml"_s,
                  canaryTag.isEmpty() ? QByteArray("resources:\n  - ga\n") : QByteArray("resources:\n  - canary\n  - ga\n"));
    changes.write(root + u"base/kustomization.yaml"_s, "resources:\n  - deployment.yaml\n  - service.yaml\n");
    changes.write(root + u"base/deployment.yaml"_s,
                  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name
                      + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: " + name
                      + "\n  template:\n    metadata:\n      labels:\n        app: " + name
                      + "\n    spec:\n      containers:\n        - name: app\n          image: " + name
                      + "\n          ports:\n            - containerPort: 8080\n");
    changes.write(root + u"base/service.yaml"_s,
                  "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\nspec:\n  selector:\n    app: " + name
                      + "\n  ports:\n    - port: 80\n      targetPort: 8080\n");
    changes.write(root + u"ga/kustomization.yaml"_s, gaKustomization());
    if (!canaryTag.isEmpty())
        changes.write(root + u"canary/kustomization.yaml"_s,
                      overlayKustomization(service, image, canaryTag, u"-canary"_s));
}

} // namespace gd::test
