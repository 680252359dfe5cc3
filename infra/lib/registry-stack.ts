import { Duration, RemovalPolicy, Stack, aws_ecr as ecr } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ArkaStackProps } from './settings';

/** One image per service; the solicitudes dispatcher runs the gestor-solicitudes image. */
export const IMAGES = ['gateway', 'cotizador', 'gestor-solicitudes'] as const;
export type ImageName = (typeof IMAGES)[number];

export const repositoryName = (image: ImageName, env: string) => `arka/${env}/${image}`;

/**
 * ECR repositories, in a stack of their own so images can be pushed before the
 * compute stack first starts services that pull them.
 */
export class RegistryStack extends Stack {
  constructor(scope: Construct, id: string, props: ArkaStackProps) {
    super(scope, id, props);
    const { env } = props.settings;
    for (const image of IMAGES) {
      new ecr.Repository(this, `Repo-${image}`, {
        repositoryName: repositoryName(image, env),
        imageScanOnPush: true,
        // Tags are commit ids: immutable, so a rollback redeploys exactly what ran before.
        imageTagMutability: ecr.TagMutability.IMMUTABLE,
        encryption: ecr.RepositoryEncryption.KMS,
        lifecycleRules: [
          {
            description: 'drop untagged layers',
            tagStatus: ecr.TagStatus.UNTAGGED,
            maxImageAge: Duration.days(7),
          },
          { description: 'keep the last 50 releases', maxImageCount: 50 },
        ],
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }
  }
}
